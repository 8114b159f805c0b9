import type forumsEn from "../en/forums";
import type { Widen } from "../types";

const forums: Widen<typeof forumsEn> = {
  forums: {
    title: "Diễn đàn",
    intro:
      "Các không gian thảo luận của cộng đồng. Một số mở cho tất cả mọi người, một số chỉ dành cho thành viên, và các nhóm công tác có không gian riêng.",
    topics: "Chủ đề",
    posts: "Bài viết",
    latest: "Hoạt động gần nhất",
    noTopics: "Chưa có chủ đề nào trong chuyên mục này.",
    groupSpaces: "Thảo luận của các nhóm công tác",
    qa: "Hỏi và đáp",
    category: "Chuyên mục",
    belongsTo: "Không gian thảo luận của {{group}}",
  },
};

export default forums;
