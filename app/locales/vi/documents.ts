import type documentsEn from "../en/documents";
import type { Widen } from "../types";

const documents: Widen<typeof documentsEn> = {
  library: {
    title: "Thư viện",
    intro:
      "Các khung và hướng dẫn do các nhóm công tác công bố. Mọi phiên bản đều được lưu giữ và có thể trích dẫn theo địa chỉ riêng.",
    topic: "Chủ đề",
    allTopics: "Tất cả chủ đề",
    group: "Nhóm công tác",
    allGroups: "Tất cả nhóm công tác",
    language: "Ngôn ngữ",
    allLanguages: "Tất cả ngôn ngữ",
    sort: "Sắp xếp theo",
    sortRecent: "Mới nhất",
    sortTitle: "Tiêu đề",
    noResults: "Không có khung đã công bố nào phù hợp với bộ lọc này.",
    version: "Phiên bản {{version}}",
    versionLabel: "Phiên bản",
    published: "Công bố: {{date}}",
    publishedLabel: "Ngày công bố",
    reviewDue: "Hạn rà soát",
    status: "Trạng thái",
    workingGroup: "Nhóm công tác",
    contents: "Mục lục",
    versions: "Các phiên bản",
    translations: "Bản dịch",
    cite: "Cách trích dẫn",
    citeText: "{{title}}, phiên bản {{version}}, {{group}}, {{date}}.",
    notes: "Ghi chú phát hành",
    latest: "mới nhất",
    viewingOld: "Bạn đang xem phiên bản {{version}}. Phiên bản mới nhất là {{latest}}.",
    readLatest: "Xem phiên bản mới nhất",
    print: "In hoặc lưu thành PDF",
    details: "Thông tin tài liệu",
  },
  documentStatus: {
    working_draft: "Dự thảo làm việc",
    consultation: "Đang lấy ý kiến",
    final_draft: "Dự thảo cuối cùng",
    published: "Đã công bố",
    superseded: "Đã được thay thế",
    withdrawn: "Đã thu hồi",
  },
};

export default documents;
