import type { PortalMessages } from "../messages";
import portal from "./portal/it";

// A customer-portal language: only the namespaces the portal uses (see PORTAL_LOCALES).
const it: PortalMessages = {
  common: {
    brand: "Crossflow",
    language: "Lingua",
    skipToContent: "Vai al contenuto",
    status: {
      received: "Ricevuto",
      payment_verified: "Pagamento verificato",
      screened: "Verificato",
      allocated: "Assegnato",
      documented: "Documentato",
      label_created: "Etichetta creata",
      handed_over: "Affidato al corriere",
      in_transit: "In transito",
      delivered: "Consegnato",
      on_hold: "In sospeso",
      cancelled: "Annullato",
      returned: "Reso",
    },
    channel: {
      shopify: "Shopify",
      amazon: "Amazon",
      ebay: "eBay",
      tiktok: "TikTok Shop",
      woocommerce: "WooCommerce",
      csv: "Caricamento CSV",
      api: "API",
      demo: "Canale demo",
    },
    role: {
      owner: "Proprietario",
      admin: "Amministratore",
      operator: "Operatore",
      viewer: "Sola lettura",
    },
    actions: {
      signIn: "Accedi",
      signOut: "Esci",
      apply: "Applica",
      clearFilters: "Cancella filtri",
      retry: "Riprova",
      backHome: "Torna all'inizio",
    },
    pagination: {
      next: "Pagina successiva",
      previous: "Pagina precedente",
      first: "Prima pagina",
      page: "Pagina {{page}}",
    },
    signIn: {
      devBadge: "Modalità sviluppo",
      devNote:
        "Scegli un utente demo per accedere. I server di produzione usano invece il single sign-on della tua organizzazione.",
      pickUser: "Scegli un utente",
      continueAs: "Continua come {{name}}",
      disabledTitle: "L'accesso per sviluppatori è disattivato",
      disabledBody:
        "Questo server fa accedere tramite il single sign-on della tua organizzazione (Clerk). Usa il link di accesso fornito dall'amministratore.",
      noUsersTitle: "Ancora nessun utente demo",
      noUsersBody: "Crea il tenant demo con “pnpm crossflow seed:demo”, poi ricarica questa pagina.",
      failed: "Accesso non riuscito. Riprova.",
    },
    errors: {
      notFoundTitle: "Pagina non trovata",
      notFoundBody: "La pagina che cerchi non esiste o è stata spostata.",
      genericTitle: "Qualcosa è andato storto",
      genericBody:
        "Non siamo riusciti a caricare questa pagina. Riprova tra poco; se il problema persiste, contatta l'assistenza.",
      unavailableTitle: "Servizio non disponibile",
      unavailableBody: "Al momento Crossflow non è raggiungibile. Riprova tra poco.",
      code: "Errore {{status}}",
    },
    time: {
      shownIn: "Orari nel fuso {{timeZone}}",
    },
    empty: "—",
  },
  portal,
};

export default it;
