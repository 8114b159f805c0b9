import type notificationsEn from "../en/notifications";
import type { Widen } from "../types";

const notifications: Widen<typeof notificationsEn> = {
  notifications: {
    title: "Thông báo",
    badge_one: "{{count}} thông báo chưa đọc",
    badge_other: "{{count}} thông báo chưa đọc",
    empty:
      "Bạn chưa có thông báo nào. Bạn sẽ được báo tại đây khi có người nhắc đến bạn, trả lời trong chủ đề bạn theo dõi, hoặc khi nhóm công tác của bạn lên lịch cuộc họp và quyết định.",
    markRead: "Đánh dấu đã đọc",
    markAllRead: "Đánh dấu tất cả đã đọc",
    allRead: "Tất cả thông báo đã được đánh dấu đã đọc.",
    unread: "Chưa đọc",
    older: "Thông báo cũ hơn",
    newer: "Thông báo mới hơn",
    someone: "Một người",
    kind: {
      mention: "{{actor}} đã nhắc đến bạn trong “{{title}}”",
      reply: "{{actor}} đã trả lời trong “{{title}}”",
      watched_topic: "Chủ đề mới trong chuyên mục bạn theo dõi: “{{title}}”",
      reaction: "{{actor}} đã bày tỏ cảm xúc với bài của bạn trong “{{title}}”",
      answer_accepted: "Trả lời của bạn đã được đánh dấu là câu trả lời cho “{{title}}”",
      post_hidden: "Người điều hành đã ẩn bài của bạn trong “{{title}}”",
      group_join_request: "{{actor}} xin tham gia {{title}}",
      group_join_approved: "Yêu cầu tham gia {{title}} của bạn đã được chấp thuận",
      group_join_declined: "Yêu cầu tham gia {{title}} của bạn đã bị từ chối",
      group_invited: "{{actor}} đã thêm bạn vào {{title}}",
      group_role_changed: "Vai trò của bạn trong {{title}} đã thay đổi",
      meeting_scheduled: "Cuộc họp đã được lên lịch: {{title}}",
      meeting_rescheduled: "Cuộc họp đã được dời lịch: {{title}}",
      meeting_cancelled: "Cuộc họp đã bị hủy: {{title}}",
      proposal_opened: "Đề xuất mới cần quyết định: {{title}}",
      decision_recorded: "Quyết định đã được ghi nhận: {{title}}",
      change_proposal_accepted: "Đề xuất sửa đổi “{{title}}” của bạn đã được chấp nhận",
      change_proposal_declined: "Đề xuất sửa đổi “{{title}}” của bạn đã bị từ chối",
      change_proposal_submitted: "{{actor}} đã đề xuất sửa đổi “{{title}}”",
      comment_reply: "{{actor}} đã trả lời bình luận của bạn về “{{title}}”",
      consultation_opened: "Đang lấy ý kiến: “{{title}}”",
      document_published: "Đã công bố: “{{title}}”",
      profile_change_approved: "Yêu cầu đổi loại thành viên hoặc tổ chức của bạn đã được phê duyệt: {{title}}",
      profile_change_declined: "Yêu cầu đổi loại thành viên hoặc tổ chức của bạn đã bị từ chối: {{title}}",
    },
  },
};

export default notifications;
