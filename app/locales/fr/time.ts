import type timeEn from "../en/time";
import type { Widen } from "../types";

const time: Widen<typeof timeEn> = {
  time: {
    regions: {
      africa: "Afrique",
      america: "Amériques",
      antarctica: "Antarctique",
      arctic: "Arctique",
      asia: "Asie",
      atlantic: "Océan Atlantique",
      australia: "Australie",
      europe: "Europe",
      indian: "Océan Indien",
      pacific: "Océan Pacifique",
      other: "Autres",
    },
    inZone: "{{time}} {{zone}}",
    withUtc: "{{time}} {{zone}} (soit {{utc}} UTC)",
    withOrganiser: "{{time}} {{zone}} (organisateur : {{organiserTime}} {{organiserZone}})",
    utcTime: "Heure UTC",
    noZoneHint:
      "Les heures sont données dans le fuseau horaire de l’organisateur et en UTC. Choisissez votre fuseau dans vos paramètres pour les voir dans le vôtre.",
    browserSuggestion:
      "Cet appareil est réglé sur {{zone}}. Pour voir les dates et les heures de réunion dans ce fuseau, choisissez-le et enregistrez.",
    useBrowserZone: "Choisir {{zone}}",
    cities: {
      "Africa/Algiers": "Alger",
      "Africa/Cairo": "Le Caire",
      "America/Havana": "La Havane",
      "America/Mexico_City": "Mexico",
      "America/Sao_Paulo": "São Paulo",
      "Asia/Bangkok": "Bangkok",
      "Asia/Ho_Chi_Minh": "Hô Chi Minh",
      "Asia/Hong_Kong": "Hong Kong",
      "Asia/Jerusalem": "Jérusalem",
      "Asia/Manila": "Manille",
      "Asia/Phnom_Penh": "Phnom Penh",
      "Asia/Riyadh": "Riyad",
      "Asia/Seoul": "Séoul",
      "Asia/Shanghai": "Shanghai",
      "Asia/Singapore": "Singapour",
      "Asia/Taipei": "Taipei",
      "Asia/Vientiane": "Vientiane",
      "Europe/Athens": "Athènes",
      "Europe/Brussels": "Bruxelles",
      "Europe/Copenhagen": "Copenhague",
      "Europe/Lisbon": "Lisbonne",
      "Europe/London": "Londres",
      "Europe/Moscow": "Moscou",
      "Europe/Rome": "Rome",
      "Europe/Vienna": "Vienne",
      "Europe/Warsaw": "Varsovie",
    },
  },
};

export default time;
