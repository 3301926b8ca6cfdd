import type { EmailMessages } from "./en";

export const de: EmailMessages = {
  common: {
    greeting: "Hallo {name},",
    greetingAnonymous: "Hallo,",
    orderLabel: "Bestellung",
    itemsHeading: "In dieser Bestellung",
    quantity: "Menge: {quantity}",
    total: "Gesamt",
    carrier: "Versanddienstleister",
    trackingNumber: "Sendungsnummer",
    estimatedDelivery: "Voraussichtliche Zustellung",
    buttonFallback: "Der Button funktioniert nicht? Kopieren Sie diesen Link in Ihren Browser:",
    questionsReply: "Fragen? Antworten Sie einfach auf diese E-Mail – das Team von {brand} hilft Ihnen gern.",
    questionsPortal: "Fragen? Sie erreichen {brand} über Ihre Bestellseite.",
    regards: "Viele Grüße",
    team: "Ihr {brand}-Team",
    footer: "Sie erhalten diese E-Mail, weil Sie die Bestellung {orderNumber} bei {brand} aufgegeben haben.",
  },
  progress: {
    ordered: "Bestellt",
    shipped: "Versandt",
    outForDelivery: "In Zustellung",
    delivered: "Zugestellt",
  },
  order_confirmed: {
    subject: "Bestellung {orderNumber} bestätigt – vielen Dank!",
    preview: "Wir haben Ihre Bestellung erhalten und bereiten sie vor.",
    heading: "Vielen Dank für Ihre Bestellung",
    intro: "Wir haben Ihre Bestellung {orderNumber} erhalten und bereiten sie für den Versand vor.",
    next: "Sobald Ihre Bestellung unterwegs ist, senden wir Ihnen eine E-Mail mit der Sendungsverfolgung.",
    button: "Bestellung ansehen",
  },
  shipped: {
    subject: "Ihre Bestellung {orderNumber} ist unterwegs",
    preview: "Ihr Paket hat unser Lager verlassen. Verfolgen Sie jeden Schritt.",
    heading: "Ihre Bestellung wurde versandt",
    intro: "Gute Nachrichten: Ihre Bestellung {orderNumber} hat unser Lager verlassen.",
    withCarrier: "Sie wird von {carrier} zugestellt, Sendungsnummer {trackingNumber}.",
    firstScan: "Es kann bis zu 24 Stunden dauern, bis die erste Sendungsinformation erscheint.",
    button: "Sendung verfolgen",
  },
  customs_hold: {
    subject: "Bestellung {orderNumber}: Ihr Paket ist in der Zollabfertigung",
    preview: "Eine routinemäßige Zollkontrolle – die meisten Pakete sind nach wenigen Tagen frei.",
    heading: "Ihr Paket ist beim Zoll",
    intro:
      "Seit dem {date} wird Ihr Paket zur Bestellung {orderNumber} vom Zoll ({country}) routinemäßig geprüft. Das ist bei internationalen Sendungen normal.",
    meaningHeading: "Was das bedeutet",
    meaning:
      "Der Zoll prüft Inhalt und Wert von Paketen, die ins Land kommen. Die meisten Pakete werden innerhalb weniger Werktage freigegeben, ohne dass Sie etwas tun müssen.",
    askedHeading: "Was möglicherweise von Ihnen verlangt wird",
    askedId: "Ein Identitätsnachweis, etwa eine Ausweis- oder Steuernummer",
    askedInvoice: "Die Rechnung zu Ihrer Bestellung – Sie können sie auf Ihrer Bestellseite herunterladen",
    askedDuties:
      "Die Zahlung von Einfuhrzöllen und -steuern, falls diese nicht beim Kauf bezahlt wurden (Lieferung DAP)",
    respond:
      "Wenn sich der Versanddienstleister oder der Zoll bei Ihnen meldet, antworten Sie bitte rasch – so wird Ihr Paket am schnellsten freigegeben. Wir informieren Sie, sobald es weitergeht.",
    button: "Status und Rechnung ansehen",
  },
  out_for_delivery: {
    subject: "Bestellung {orderNumber} kommt heute",
    preview: "Ihr Paket ist beim Zusteller und auf dem Weg zu Ihnen.",
    heading: "Heute in Zustellung",
    intro: "Ihr Paket zur Bestellung {orderNumber} ist beim Zusteller und sollte heute ankommen.",
    tip: "Wenn niemand zu Hause ist, hinterlässt der Zusteller eventuell eine Benachrichtigung oder versucht es am nächsten Werktag erneut. Achten Sie darauf, dass Ihr Name an Tür oder Briefkasten steht.",
    button: "Sendung verfolgen",
  },
  failed_attempt: {
    subject: "Bestellung {orderNumber}: Ihr Paket konnte nicht zugestellt werden",
    preview: "Der Zusteller hat Sie nicht angetroffen. So geht es weiter und so vereinbaren Sie einen neuen Termin.",
    heading: "Wir haben Sie leider verpasst",
    intro:
      "{carrier} hat versucht, Ihr Paket zur Bestellung {orderNumber} zuzustellen, konnte die Zustellung aber nicht abschließen.",
    introNoCarrier:
      "Der Zusteller hat versucht, Ihr Paket zur Bestellung {orderNumber} zuzustellen, konnte die Zustellung aber nicht abschließen.",
    reason: "Vom Zusteller angegebener Grund: {reason}",
    nextHeading: "Wie es weitergeht",
    nextDefault:
      "Der Zusteller versucht es in der Regel am nächsten Werktag erneut. Schlägt auch dieser Versuch fehl, wird Ihr Paket einige Tage in einer Filiale in Ihrer Nähe aufbewahrt und danach an uns zurückgeschickt.",
    nextStep: "Hinweis des Zustellers: {nextStep}",
    rescheduleHeading: "Zustellung neu planen oder ändern",
    reschedule:
      "Auf Ihrer Bestellseite können Sie einen neuen Zustelltag wählen, eine Abholstelle bestimmen oder Ihre Adresse korrigieren.",
    contactCarrier: "Sie können {carrier} auch direkt mit der Sendungsnummer {trackingNumber} kontaktieren.",
    button: "Zustellung neu planen",
  },
  delivered: {
    subject: "Bestellung {orderNumber} wurde zugestellt",
    preview: "Ihr Paket ist angekommen. Viel Freude damit!",
    heading: "Ihre Bestellung ist angekommen",
    intro: "Ihr Paket zur Bestellung {orderNumber} wurde zugestellt. Wir wünschen Ihnen viel Freude damit!",
    notFound:
      "Sie finden es nicht? Schauen Sie rund um Ihre Tür, bei Nachbarn oder am Empfang nach. Ist es nach 24 Stunden noch nicht aufgetaucht, melden Sie sich über Ihre Bestellseite.",
    returns: "Stimmt etwas nicht? Über Ihre Bestellseite können Sie eine Rücksendung starten.",
    button: "Bestellung ansehen",
  },
  return_approved: {
    subject: "Ihre Rücksendung zur Bestellung {orderNumber} wurde genehmigt",
    preview: "Ihre Rücksendenummer und so schicken Sie die Artikel zurück.",
    heading: "Ihre Rücksendung ist genehmigt",
    intro: "Wir haben die Rücksendung zur Bestellung {orderNumber} genehmigt. Ihre Rücksendenummer (RMA) lautet {rma}.",
    stepsHeading: "So senden Sie die Artikel zurück",
    stepPack: "Verpacken Sie die Artikel sicher, am besten in der Originalverpackung.",
    stepRma: "Schreiben Sie {rma} auf das Paket oder legen Sie einen Zettel mit der Nummer hinein.",
    stepLabel: "Drucken Sie das Rücksendeetikett aus und kleben Sie es auf das Paket.",
    stepLabelPending: "Ihr Rücksendeetikett erscheint in Kürze auf Ihrer Bestellseite.",
    stepDropOff:
      "Geben Sie das Paket beim Versanddienstleister ab und bewahren Sie den Beleg auf, bis Ihre Erstattung da ist.",
    refundNote:
      "Wir erstatten Ihnen den Betrag, sobald die Artikel angekommen und geprüft sind, und informieren Sie per E-Mail.",
    labelButton: "Rücksendeetikett herunterladen",
    button: "Rücksendung ansehen",
  },
  refund_issued: {
    subject: "Ihre Erstattung zur Bestellung {orderNumber} wurde veranlasst",
    preview: "Ihr Geld ist auf dem Weg zurück zu Ihnen.",
    heading: "Ihre Erstattung ist unterwegs",
    intro: "Wir haben Ihnen {amount} für die Bestellung {orderNumber} erstattet.",
    introNoAmount: "Wir haben die Erstattung für die Bestellung {orderNumber} veranlasst.",
    amountLabel: "Erstattungsbetrag",
    timing:
      "Der Betrag geht auf Ihr ursprüngliches Zahlungsmittel zurück. Je nach Bank kann es 5–10 Werktage dauern, bis er auf Ihrem Kontoauszug erscheint.",
    button: "Bestellung ansehen",
  },
};
