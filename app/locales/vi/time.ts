import type timeEn from "../en/time";
import type { Widen } from "../types";

const time: Widen<typeof timeEn> = {
  time: {
    regions: {
      africa: "Châu Phi",
      america: "Châu Mỹ",
      antarctica: "Châu Nam Cực",
      arctic: "Bắc Cực",
      asia: "Châu Á",
      atlantic: "Đại Tây Dương",
      australia: "Úc",
      europe: "Châu Âu",
      indian: "Ấn Độ Dương",
      pacific: "Thái Bình Dương",
      other: "Khác",
    },
    inZone: "{{time}} {{zone}}",
    withUtc: "{{time}} {{zone}} (tức {{utc}} UTC)",
    withOrganiser: "{{time}} {{zone}} (người tổ chức: {{organiserTime}} {{organiserZone}})",
    utcTime: "Giờ UTC",
    noZoneHint:
      "Thời gian được hiển thị theo múi giờ của người tổ chức và theo UTC. Hãy chọn múi giờ của bạn trong phần cài đặt để xem theo múi giờ đó.",
    browserSuggestion:
      "Thiết bị này đang đặt múi giờ {{zone}}. Để xem ngày tháng và giờ họp theo múi giờ này, hãy chọn nó rồi lưu.",
    useBrowserZone: "Chọn {{zone}}",
    cities: {
      "Africa/Algiers": "Alger",
      "Africa/Cairo": "Cairo",
      "America/Havana": "La Habana",
      "America/Mexico_City": "Thành phố Mexico",
      "America/Sao_Paulo": "São Paulo",
      "Asia/Bangkok": "Băng Cốc",
      "Asia/Ho_Chi_Minh": "Hồ Chí Minh",
      "Asia/Hong_Kong": "Hồng Kông",
      "Asia/Jerusalem": "Giê-ru-sa-lem",
      "Asia/Manila": "Manila",
      "Asia/Phnom_Penh": "Phnôm Pênh",
      "Asia/Riyadh": "Riyadh",
      "Asia/Seoul": "Seoul",
      "Asia/Shanghai": "Thượng Hải",
      "Asia/Singapore": "Singapore",
      "Asia/Taipei": "Đài Bắc",
      "Asia/Vientiane": "Viêng Chăn",
      "Europe/Athens": "Athens",
      "Europe/Brussels": "Brussels",
      "Europe/Copenhagen": "Copenhagen",
      "Europe/Lisbon": "Lisbon",
      "Europe/London": "Luân Đôn",
      "Europe/Moscow": "Mát-xcơ-va",
      "Europe/Rome": "Rome",
      "Europe/Vienna": "Viên",
      "Europe/Warsaw": "Vác-sa-va",
    },
  },
};

export default time;
