import type { PortalMessages } from "../messages";
import portal from "./portal/nl";

// A customer-portal language: only the namespaces the portal uses (see PORTAL_LOCALES).
const nl: PortalMessages = {
  common: {
    brand: "Crossflow",
    language: "Taal",
    skipToContent: "Naar de inhoud",
    status: {
      received: "Ontvangen",
      payment_verified: "Betaling gecontroleerd",
      screened: "Gecontroleerd",
      allocated: "Toegewezen",
      documented: "Gedocumenteerd",
      label_created: "Label aangemaakt",
      handed_over: "Overgedragen",
      in_transit: "Onderweg",
      delivered: "Bezorgd",
      on_hold: "In de wacht",
      cancelled: "Geannuleerd",
      returned: "Geretourneerd",
    },
    channel: {
      shopify: "Shopify",
      amazon: "Amazon",
      ebay: "eBay",
      tiktok: "TikTok Shop",
      woocommerce: "WooCommerce",
      csv: "CSV-upload",
      api: "API",
      demo: "Demokanaal",
    },
    role: {
      owner: "Eigenaar",
      admin: "Beheerder",
      operator: "Medewerker",
      viewer: "Alleen lezen",
    },
    actions: {
      signIn: "Inloggen",
      signOut: "Uitloggen",
      apply: "Toepassen",
      clearFilters: "Filters wissen",
      retry: "Opnieuw proberen",
      backHome: "Terug naar begin",
    },
    pagination: {
      next: "Volgende pagina",
      previous: "Vorige pagina",
      first: "Eerste pagina",
      page: "Pagina {{page}}",
    },
    signIn: {
      devBadge: "Ontwikkelmodus",
      devNote:
        "Kies een demogebruiker om in te loggen. Productieservers gebruiken de single sign-on van je organisatie.",
      pickUser: "Kies een gebruiker",
      continueAs: "Doorgaan als {{name}}",
      disabledTitle: "Inloggen voor ontwikkelaars staat uit",
      disabledBody:
        "Deze server logt mensen in via de single sign-on van je organisatie (Clerk). Gebruik de inloglink die je beheerder je gaf.",
      noUsersTitle: "Nog geen demogebruikers",
      noUsersBody: "Maak de demotenant aan met “pnpm crossflow seed:demo” en laad deze pagina opnieuw.",
      failed: "Inloggen mislukt. Probeer het opnieuw.",
    },
    errors: {
      notFoundTitle: "Pagina niet gevonden",
      notFoundBody: "De pagina die je zoekt bestaat niet of is verplaatst.",
      genericTitle: "Er ging iets mis",
      genericBody:
        "We konden deze pagina niet laden. Probeer het zo opnieuw; blijft het gebeuren, neem dan contact op met support.",
      unavailableTitle: "Dienst niet beschikbaar",
      unavailableBody: "Crossflow is nu niet bereikbaar. Probeer het zo opnieuw.",
      code: "Fout {{status}}",
    },
    time: {
      shownIn: "Tijden in {{timeZone}}",
    },
    empty: "—",
  },
  portal,
};

export default nl;
