// English strings of the forums pages.
const forums = {
  forums: {
    title: "Forums",
    intro: "Discussion spaces of the community. Some are open to everyone, some to members, and working groups have their own.",
    topics: "Topics",
    posts: "Posts",
    latest: "Latest activity",
    noTopics: "No topic has been started in this category yet.",
    groupSpaces: "Working-group discussions",
    qa: "Questions and answers",
    category: "Category",
    belongsTo: "Discussion space of {{group}}",
  },
} as const;

export default forums;
