// English strings of the groups pages.
const groups = {
  groups: {
    title: "Working groups",
    intro:
      "Interdisciplinary technical working groups draft the network's guidance, meet regularly and record their decisions.",
    purpose: "Purpose",
    charter: "Charter",
    chairs: "Chairs",
    members: "Members",
    documents: "Documents",
    discussions: "Discussions",
    noChairs: "No chair has been appointed yet.",
    noDocuments: "This group has no documents yet.",
    membersOnly: "The list of members is visible to approved members.",
    overview: "Overview",
    role: "Role",
    youAre: "You are a {{role}} of this group.",
  },
} as const;

export default groups;
