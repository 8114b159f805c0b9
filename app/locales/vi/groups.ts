import type groupsEn from "../en/groups";
import type { Widen } from "../types";

const groups: Widen<typeof groupsEn> = {
  groups: {
    title: "Nhóm công tác",
    intro:
      "Các nhóm công tác kỹ thuật liên ngành soạn thảo hướng dẫn của mạng lưới, họp định kỳ và ghi nhận các quyết định của nhóm.",
    purpose: "Mục đích",
    charter: "Điều lệ",
    chairs: "Trưởng nhóm",
    members: "Thành viên",
    documents: "Tài liệu",
    discussions: "Thảo luận",
    noChairs: "Chưa bổ nhiệm trưởng nhóm.",
    noDocuments: "Nhóm này chưa có tài liệu nào.",
    membersOnly: "Danh sách thành viên chỉ hiển thị với các thành viên đã được duyệt.",
    overview: "Tổng quan",
    role: "Vai trò",
    youAre: "Vai trò của bạn trong nhóm này: {{role}}.",
  },
};

export default groups;
