import type { Widen } from "../types";
import type en from "../en/confirm";

// Chuỗi tiếng Việt cho các bước xác nhận trước thao tác không thể hoàn tác, và cho việc hoàn tác
// khi xóa bài viết của chính mình.
const confirm: Widen<typeof en> = {
  confirm: {
    pageTitle: "Vui lòng xác nhận",
    back: "Quay lại",
    postDeletedByYou: "Bạn đã xóa bài viết này.",
    undo: "Hoàn tác",
    undoUntil: "Bạn có thể hoàn tác cho đến {{date}}.",
    kinds: {
      cancelMeeting: {
        title: "Hủy cuộc họp này?",
        body: "“{{title}}” sẽ bị hủy đối với mọi người và tất cả thành viên của nhóm sẽ được thông báo. Không thể hoàn tác thao tác này.",
        confirm: "Có, hủy cuộc họp",
      },
      deleteTopic: {
        title: "Xóa chủ đề này?",
        body: "“{{title}}” cùng mọi trả lời sẽ biến mất khỏi diễn đàn. Chỉ người điều hành mới có thể khôi phục.",
        confirm: "Xóa chủ đề",
      },
      removeMember: {
        title: "Xóa thành viên này khỏi nhóm?",
        body: "{{name}} sẽ không còn là thành viên của nhóm và mất quyền truy cập các không gian riêng của nhóm.",
        confirm: "Xóa khỏi nhóm",
      },
      withdrawJoinRequest: {
        title: "Rút lại yêu cầu của bạn?",
        body: "Yêu cầu tham gia nhóm công tác này của bạn sẽ được rút lại. Bạn có thể gửi yêu cầu mới sau.",
        confirm: "Rút lại yêu cầu",
      },
      resetCalendarLink: {
        title: "Thay liên kết lịch?",
        body: "Các lịch đã đăng ký bằng liên kết hiện tại sẽ không còn nhận các cuộc họp của nhóm cho đến khi bạn đăng ký lại bằng liên kết mới.",
        confirm: "Thay liên kết",
      },
      declineJoinRequest: {
        title: "Từ chối yêu cầu này?",
        body: "{{name}} sẽ được thông báo rằng yêu cầu tham gia nhóm đã bị từ chối, kèm phản hồi của bạn nếu có.",
        confirm: "Từ chối yêu cầu",
      },
      revokeCalendarLink: {
        title: "Thu hồi liên kết lịch?",
        body: "Các lịch đã đăng ký bằng liên kết hiện tại sẽ không còn nhận các cuộc họp của nhóm. Không thể hoàn tác thao tác này.",
        confirm: "Thu hồi liên kết",
      },
      closeProposal: {
        title: "Ghi nhận quyết định ngay bây giờ?",
        body: "Việc biểu quyết về “{{title}}” sẽ kết thúc và kết quả sẽ được ghi nhận cho nhóm. Không thể hoàn tác thao tác này.",
        confirm: "Ghi nhận quyết định",
      },
      rejectApplication: {
        title: "Từ chối đơn đăng ký này?",
        body: "{{name}} sẽ được thông báo rằng đơn đăng ký không được chấp nhận, kèm lý do bạn đưa ra. Không thể hoàn tác thao tác này.",
        confirm: "Từ chối đơn",
      },
      rejectProfileChange: {
        title: "Từ chối thay đổi này?",
        body: "Thay đổi mà {{name}} yêu cầu sẽ bị từ chối và người đó sẽ được thông báo.",
        confirm: "Từ chối thay đổi",
      },
      suspendMember: {
        title: "Đình chỉ tài khoản này?",
        body: "{{name}} sẽ bị đăng xuất trên mọi thiết bị và không thể đăng nhập cho đến khi quản trị viên khôi phục tài khoản.",
        confirm: "Đình chỉ tài khoản",
      },
      revokeSession: {
        title: "Thu hồi phiên đăng nhập này?",
        body: "Thiết bị đang dùng phiên này sẽ bị đăng xuất.",
        confirm: "Thu hồi phiên",
      },
      withdrawProfileChange: {
        title: "Rút lại yêu cầu của bạn?",
        body: "Yêu cầu thay đổi hồ sơ đang chờ duyệt của bạn sẽ được rút lại. Bạn có thể gửi yêu cầu mới sau.",
        confirm: "Rút lại yêu cầu",
      },
      closeConsultation: {
        title: "Kết thúc đợt lấy ý kiến ngay bây giờ?",
        body: "Đợt lấy ý kiến sẽ kết thúc ngay, trước ngày đóng dự kiến, và sẽ không nhận thêm góp ý nào. Không thể hoàn tác thao tác này.",
        confirm: "Kết thúc lấy ý kiến",
      },
      withdrawDocument: {
        title: "Rút tài liệu này?",
        body: "“{{title}}” sẽ được đánh dấu là đã rút trong thư viện, đối với mọi người. Không thể hoàn tác thao tác này.",
        confirm: "Rút tài liệu",
      },
      supersedeDocument: {
        title: "Đánh dấu tài liệu này là đã được thay thế?",
        body: "“{{title}}” sẽ được đánh dấu là đã được thay thế trong thư viện, đối với mọi người. Không thể hoàn tác thao tác này.",
        confirm: "Đánh dấu đã được thay thế",
      },
      withdrawProposal: {
        title: "Rút lại đề xuất sửa đổi của bạn?",
        body: "Đề xuất của bạn sẽ được rút lại và không còn được xem xét. Không thể hoàn tác thao tác này.",
        confirm: "Rút lại đề xuất",
      },
      declineProposal: {
        title: "Từ chối đề xuất sửa đổi này?",
        body: "Đề xuất sẽ bị từ chối và tác giả sẽ được thông báo, kèm lý do bạn đưa ra. Không thể hoàn tác thao tác này.",
        confirm: "Từ chối đề xuất",
      },
      discardDraft: {
        title: "Bỏ bản nháp của bạn?",
        body: "Câu trả lời bạn đang viết dở sẽ bị xóa. Không thể hoàn tác thao tác này.",
        confirm: "Bỏ bản nháp",
      },
    },
  },
};

export default confirm;
