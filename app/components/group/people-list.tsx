// A short list of people, each with their byline (a group's chairs and editors, who answered or
// attended a meeting).
import { MemberByline, type MemberSummary } from "~/components/member-card";

export function PeopleList({ people }: { people: ReadonlyArray<MemberSummary & { id: number }> }) {
  return (
    <ul className="plain-list">
      {people.map((person) => (
        <li key={person.id}>
          <MemberByline member={person} />
        </li>
      ))}
    </ul>
  );
}
