// "@" completion in the composer (with JavaScript only; without it members type usernames): after
// "@" and a letter or two, the members who may read this place are listed under the text; arrows
// move, Enter or Tab inserts "@username ", Escape closes. The list is an ARIA listbox the textarea
// controls, so screen readers announce the highlighted member.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { MENTION_QUERY } from "~/schemas/forums";

interface Suggestion {
  username: string;
  name: string;
}

/** The "@word" just before the caret, if the caret ends one. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[\s([])@([\p{L}\p{N}._-]{1,30})$/u.exec(text.slice(0, caret));
  if (!match || !MENTION_QUERY.test(match[2])) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

export function useMentionSuggestions(
  textarea: RefObject<HTMLTextAreaElement | null>,
  source: string | undefined,
  listId: string,
) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const pending = useRef<AbortController>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const anchor = useRef<{ start: number; end: number } | null>(null);

  const close = useCallback(() => {
    pending.current?.abort();
    anchor.current = null;
    setItems([]);
  }, []);

  useEffect(() => () => close(), [close]);

  const onInput = () => {
    const element = textarea.current;
    if (!source || !element) return;
    const found = mentionAt(element.value, element.selectionStart ?? element.value.length);
    clearTimeout(timer.current);
    if (!found) return close();
    timer.current = setTimeout(async () => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      try {
        const url = `${source}${source.includes("?") ? "&" : "?"}q=${encodeURIComponent(found.query)}`;
        const res = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
        const body = (await res.json()) as { members?: Suggestion[] };
        anchor.current = { start: found.start, end: found.start + found.query.length + 1 };
        setItems(body.members ?? []);
        setActive(0);
      } catch {
        /* aborted by the next keystroke, or offline: no suggestions */
      }
    }, 150);
  };

  const choose = (item: Suggestion) => {
    const element = textarea.current;
    const range = anchor.current;
    if (!element || !range) return;
    const inserted = `@${item.username} `;
    element.setRangeText(inserted, range.start, range.end, "end");
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.focus();
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!items.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => (index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  const open = items.length > 0;
  return {
    onInput,
    onKeyDown,
    onBlur: () => setTimeout(close, 150),
    inputProps: {
      "aria-autocomplete": "list" as const,
      "aria-controls": listId,
      "aria-activedescendant": open ? `${listId}-${active}` : undefined,
    },
    list: <MentionList id={listId} items={items} active={active} onChoose={choose} />,
  };
}

function MentionList({
  id,
  items,
  active,
  onChoose,
}: {
  id: string;
  items: Suggestion[];
  active: number;
  onChoose: (item: Suggestion) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t("forums.composer.mentionSuggestions")}
      className="mention-list"
      hidden={!items.length}
    >
      {items.map((item, index) => (
        <li
          key={item.username}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? "mention-list__item mention-list__item--active" : "mention-list__item"}
          // mousedown, not click: the textarea must not lose the caret before the insertion.
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(item);
          }}
        >
          <strong>@{item.username}</strong> <span className="muted">{item.name}</span>
        </li>
      ))}
    </ul>
  );
}
