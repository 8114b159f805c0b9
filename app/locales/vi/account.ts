import type accountEn from "../en/account";
import type { Widen } from "../types";

const account: Widen<typeof accountEn> = {
  account: {
    errors: {
      title415: "Trang này chỉ nhận biểu mẫu",
      body415: "Hãy gửi biểu mẫu dưới dạng application/x-www-form-urlencoded hoặc multipart/form-data, như trình duyệt vẫn làm.",
      malformedForm: "Không đọc được biểu mẫu: dữ liệu gửi đến bị thiếu hoặc sai định dạng. Vui lòng gửi lại.",
    },
    invalidDate: "{{field}}: “{{value}}” không phải là ngày hợp lệ nên đã bị bỏ qua.",
    vetted: {
      title: "Loại thành viên và tổ chức",
      intro:
        "Các thông tin này đã được kiểm tra khi đơn gia nhập của bạn được chấp nhận. Để thay đổi, hãy gửi yêu cầu tới quản trị viên: thông tin giữ nguyên cho đến khi yêu cầu được phê duyệt.",
      pending: "Ngày {{date}}, bạn đã yêu cầu đổi thành: {{memberType}}, {{organization}}. Quản trị viên sẽ xem xét yêu cầu này.",
      withdraw: "Rút lại yêu cầu",
      approved: "Yêu cầu ngày {{date}} của bạn đã được phê duyệt.",
      rejected: "Yêu cầu ngày {{date}} của bạn đã bị từ chối. Lý do: {{reason}}",
      note: "Lý do thay đổi (không bắt buộc)",
      noteHint: "Ví dụ: bạn đã chuyển sang một tổ chức khác. Quản trị viên sẽ đọc nội dung này.",
      submit: "Gửi yêu cầu thay đổi",
      requested: "Yêu cầu của bạn đã được gửi tới quản trị viên.",
      withdrawn: "Yêu cầu của bạn đã được rút lại.",
      gone: "Yêu cầu đó đã được xử lý hoặc đã được rút lại.",
      alreadyPending: "Bạn đang có một yêu cầu chờ xem xét: hãy rút lại yêu cầu đó trước khi gửi yêu cầu khác.",
      unchanged: "Đây đã là loại thành viên và tổ chức hiện tại của bạn.",
    },
    review: {
      title_one: "{{count}} thay đổi hồ sơ cần xem xét",
      title_other: "{{count}} thay đổi hồ sơ cần xem xét",
      none: "Không có yêu cầu thay đổi loại thành viên hoặc tổ chức nào đang chờ xem xét.",
      now: "Hiện tại",
      requested: "Yêu cầu",
      asked: "gửi ngày {{date}}",
      note: "Ghi chú của thành viên",
      approve: "Phê duyệt thay đổi",
      reject: "Từ chối",
      rejectReason: "Lý do (thành viên sẽ thấy)",
      approved: "Thay đổi của {{name}} đã được phê duyệt.",
      rejected: "Thay đổi của {{name}} đã bị từ chối.",
      alreadyDecided: "Yêu cầu này đã được xử lý hoặc đã được rút lại.",
      ownRequest: "Đây là yêu cầu của chính bạn: một quản trị viên khác sẽ xem xét.",
    },
    auditActions: {
      "profile.change_request": "đã yêu cầu đổi loại thành viên hoặc tổ chức",
      "profile.change_withdraw": "đã rút lại yêu cầu đổi loại thành viên hoặc tổ chức",
      "profile.change_approve": "đã phê duyệt việc đổi loại thành viên hoặc tổ chức",
      "profile.change_reject": "đã từ chối việc đổi loại thành viên hoặc tổ chức",
    },
  },
};

export default account;
