import type securityEn from "../en/security";
import type { Widen } from "../types";

const security: Widen<typeof securityEn> = {
  security: {
    twoFactor: {
      title: "Connexion à deux facteurs",
      settingsTitle: "Connexion à deux facteurs",
      settingsOn: "Activée : la connexion demande un code de votre application d’authentification.",
      settingsOff: "Désactivée : votre mot de passe suffit pour vous connecter.",
      settingsLink: "Gérer la connexion à deux facteurs",
      statusTitle: "État",
      intro:
        "Avec la connexion à deux facteurs, vous vous connectez avec votre mot de passe et un code à six chiffres donné par une application d’authentification sur votre téléphone (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator, 1Password…). Quelqu’un qui connaîtrait votre mot de passe ne pourrait toujours pas se connecter.",
      requiredNotice:
        "Les administrateurs et les présidents de groupe de travail détiennent les clés d’espaces confidentiels : un mot de passe seul ne suffit pas. Activez la connexion à deux facteurs pour accéder à la page demandée.",
      requiredStanding:
        "Votre rôle exige la connexion à deux facteurs : l’administration et la gestion des groupes vous demanderont de l’activer.",
      statusLabel: "Connexion à deux facteurs",
      statusOn: "Activée depuis le {{date}}",
      statusOff: "Désactivée",
      start: "Configurer la connexion à deux facteurs",
      scanTitle: "1. Scannez ce code QR avec votre application d’authentification",
      qrAlt: "Code QR pour ajouter votre compte à une application d’authentification",
      manualKey: "Impossible de le scanner ? Saisissez plutôt cette clé dans l’application :",
      manualDetails: "Compte {{account}} · basé sur l’heure · 6 chiffres · toutes les 30 secondes",
      confirmTitle: "2. Saisissez le code affiché par l’application",
      code: "Code à six chiffres",
      confirm: "Activer la connexion à deux facteurs",
      cancel: "Annuler la configuration",
      enabledNotice: "La connexion à deux facteurs est activée.",
      recoveryTitle: "Codes de secours",
      recoveryIntro:
        "Si vous perdez votre téléphone, chacun de ces codes permet de vous connecter une fois à la place d’un code de l’application. Enregistrez-les maintenant dans un gestionnaire de mots de passe, ou imprimez-les et gardez-les en lieu sûr : ils ne seront plus affichés.",
      recoveryLeft_one: "{{count}} code de secours inutilisé",
      recoveryLeft_other: "{{count}} codes de secours inutilisés",
      savedCodes: "J’ai enregistré ces codes",
      regenerateTitle: "Nouveaux codes de secours",
      regenerateIntro: "Les nouveaux codes remplacent tous les précédents, utilisés ou non.",
      regenerate: "Générer de nouveaux codes de secours",
      disableTitle: "Désactiver la connexion à deux facteurs",
      disableIntro: "Votre compte ne sera plus protégé que par votre mot de passe, et les navigateurs mémorisés seront oubliés.",
      disableRequired:
        "Votre rôle exige la connexion à deux facteurs : si vous la désactivez, l’administration et la gestion des groupes vous demanderont de la réactiver.",
      disable: "Désactiver la connexion à deux facteurs",
      disabledNotice: "La connexion à deux facteurs est désactivée.",
      password: "Votre mot de passe",
      browsersTitle: "Navigateurs mémorisés",
      browsers_one: "{{count}} navigateur ne demande pas de code à la connexion (pendant 30 jours après sa mémorisation).",
      browsers_other: "{{count}} navigateurs ne demandent pas de code à la connexion (pendant 30 jours après leur mémorisation).",
      browsersNone: "Aucun navigateur n’est mémorisé : chaque connexion demande un code.",
      forgetBrowsers: "Oublier tous les navigateurs mémorisés",
      browsersForgotten: "Les navigateurs mémorisés ont été oubliés : leur prochaine connexion demandera un code.",
      recoveryUsedNotice:
        "Vous vous êtes connecté avec un code de secours, qui ne pourra plus servir. Générez de nouveaux codes quand il vous en reste peu.",
      codeWrong:
        "Ce code n’est pas correct. Vérifiez que l’horloge de votre téléphone est à l’heure et saisissez le code le plus récent.",
      notEnrolling: "Cette configuration a pris fin. Recommencez-la.",
      tooMany: "Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.",
    },
    signIn: {
      title: "Connexion à deux facteurs",
      intro:
        "Ouvrez votre application d’authentification et saisissez le code à six chiffres qu’elle affiche pour le Portail CoP.",
      code: "Code de l’application, ou code de secours",
      codeHint: "Un code de secours ressemble à k7m2q-x9p4d ; chacun ne sert qu’une fois.",
      remember: "Mémoriser ce navigateur pendant 30 jours",
      rememberHint: "Ne cochez pas cette case sur un ordinateur partagé ou public.",
      submit: "Vérifier",
      cancel: "Annuler et recommencer",
      codeWrong: "Ce code n’est pas correct, ou il a déjà été utilisé. Saisissez le code le plus récent de votre application.",
      ended: "Trop de codes erronés. Veuillez vous reconnecter.",
      expired: "La seconde étape de votre connexion a expiré. Veuillez vous reconnecter.",
      tooMany: "Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.",
    },
    admin: {
      column: "Deux facteurs",
      on: "Activée",
      off: "Désactivée",
      reset: "Réinitialiser les deux facteurs",
      resetConfirm: "J’ai vérifié l’identité de ce membre",
      resetConfirmNeeded: "Confirmez d’abord que vous avez vérifié l’identité du membre.",
      resetDone: "La connexion à deux facteurs de {{name}} a été réinitialisée et toutes ses sessions ont été fermées.",
    },
  },
};

export default security;
