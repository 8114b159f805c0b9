// English strings of time zones: the regions the zone list is grouped by, how a meeting's time is
// written with its zone, the browser's guess on the settings page, and the names of places whose
// spelling differs between languages (the others are written as in their IANA name).
const time = {
  time: {
    regions: {
      africa: "Africa",
      america: "Americas",
      antarctica: "Antarctica",
      arctic: "Arctic",
      asia: "Asia",
      atlantic: "Atlantic Ocean",
      australia: "Australia",
      europe: "Europe",
      indian: "Indian Ocean",
      pacific: "Pacific Ocean",
      other: "Other",
    },
    /** A time and the zone it is in: "Thursday 3 December 2026, 14:00–15:30 Asia/Ho_Chi_Minh". */
    inZone: "{{time}} {{zone}}",
    /** The organiser's time and the same time in UTC, for readers without a time zone of their own. */
    withUtc: "{{time}} {{zone}} ({{utc}} UTC)",
    /** The reader's time, and the organiser's when their zones differ. */
    withOrganiser: "{{time}} {{zone}} (organiser: {{organiserTime}} {{organiserZone}})",
    utcTime: "Time in UTC",
    noZoneHint:
      "Times are shown in the organiser's time zone and in UTC. Choose your own time zone in your settings to see them in it.",
    browserSuggestion: "This device is set to {{zone}}. To see dates and meeting times in it, choose it and save.",
    useBrowserZone: "Choose {{zone}}",
    cities: {
      "Africa/Algiers": "Algiers",
      "Africa/Cairo": "Cairo",
      "America/Havana": "Havana",
      "America/Mexico_City": "Mexico City",
      "America/Sao_Paulo": "São Paulo",
      "Asia/Bangkok": "Bangkok",
      "Asia/Ho_Chi_Minh": "Ho Chi Minh",
      "Asia/Hong_Kong": "Hong Kong",
      "Asia/Jerusalem": "Jerusalem",
      "Asia/Manila": "Manila",
      "Asia/Phnom_Penh": "Phnom Penh",
      "Asia/Riyadh": "Riyadh",
      "Asia/Seoul": "Seoul",
      "Asia/Shanghai": "Shanghai",
      "Asia/Singapore": "Singapore",
      "Asia/Taipei": "Taipei",
      "Asia/Vientiane": "Vientiane",
      "Europe/Athens": "Athens",
      "Europe/Brussels": "Brussels",
      "Europe/Copenhagen": "Copenhagen",
      "Europe/Lisbon": "Lisbon",
      "Europe/London": "London",
      "Europe/Moscow": "Moscow",
      "Europe/Rome": "Rome",
      "Europe/Vienna": "Vienna",
      "Europe/Warsaw": "Warsaw",
    },
  },
} as const;

export default time;
