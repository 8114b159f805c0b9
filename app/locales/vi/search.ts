import type searchEn from "../en/search";
import type { Widen } from "../types";

const search: Widen<typeof searchEn> = {
  search: {
    title: "Tìm kiếm",
    label: "Tìm kiếm trên cổng thông tin",
    placeholder: "Khung, thảo luận…",
    submit: "Tìm kiếm",
    resultsFor: "Kết quả cho “{{q}}”",
    noResults: "Không có nội dung nào bạn được xem khớp với “{{q}}”.",
    noResultsHint:
      "Hãy thử ít từ hơn hoặc từ khác, bỏ bớt bộ lọc hoặc kiểm tra chính tả. Không cần gõ dấu: “dieu chinh” vẫn tìm thấy “điều chỉnh”.",
    empty: "Nhập vài từ để tìm khung hướng dẫn, thảo luận, nhóm công tác, cuộc họp và quyết định mà bạn được xem.",
    onlyExcluded: "Hãy thêm ít nhất một từ cần tìm: không thể tìm kiếm chỉ bằng các từ loại trừ.",
    truncated: "Nội dung tìm kiếm quá dài nên chỉ những từ đầu tiên được sử dụng.",
    syntax: "Mẹo: “cụm từ trong ngoặc kép” tìm chính xác cụm từ, -từ để loại trừ một từ, in:title chỉ tìm trong tiêu đề.",
    filters: "Bộ lọc",
    kind: "Loại",
    allKinds: "Tất cả",
    group: "Nhóm công tác",
    allGroups: "Tất cả nhóm công tác",
    category: "Chuyên mục diễn đàn",
    allCategories: "Tất cả chuyên mục",
    author: "Tác giả (tên người dùng)",
    from: "Từ ngày",
    to: "Đến ngày",
    language: "Ngôn ngữ",
    allLanguages: "Tất cả ngôn ngữ",
    apply: "Áp dụng bộ lọc",
    clear: "Xóa bộ lọc",
    in: "trong {{place}}",
    suggestions: "Gợi ý",
    seeAll: "Xem tất cả kết quả",
    matchesIn: "Các đoạn khớp nhất trong “{{title}}”",
    reply: "Trả lời ngày {{date}}",
    moreMatches_one: "Còn {{count}} đoạn khớp khác trong kết quả này",
    moreMatches_other: "Còn {{count}} đoạn khớp khác trong kết quả này",
    translations: "Bản dịch khác:",
    languageOf: "Ngôn ngữ: {{language}}",
    kinds: {
      topic: "Chủ đề",
      post: "Bài viết",
      document: "Khung hướng dẫn",
      draft: "Bản dự thảo",
      group: "Nhóm công tác",
      meeting: "Cuộc họp",
      decision: "Quyết định",
      member: "Thành viên",
    },
  },
};

export default search;
