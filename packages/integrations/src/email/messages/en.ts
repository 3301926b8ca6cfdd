/**
 * The source catalog: every other locale is typed as `EmailMessages` (this object's shape), so
 * a missing or extra key anywhere is a type error. `{placeholders}` are filled at render time.
 */
export const en = {
  common: {
    greeting: "Hi {name},",
    greetingAnonymous: "Hello,",
    orderLabel: "Order",
    itemsHeading: "In this order",
    quantity: "Qty {quantity}",
    total: "Total",
    carrier: "Carrier",
    trackingNumber: "Tracking number",
    estimatedDelivery: "Estimated delivery",
    buttonFallback: "Button not working? Copy this link into your browser:",
    questionsReply: "Questions? Just reply to this email and the {brand} team will help.",
    questionsPortal: "Questions? You can reach {brand} from your order page.",
    regards: "Best regards,",
    team: "The {brand} team",
    footer: "You're receiving this email because you placed order {orderNumber} with {brand}.",
  },
  progress: {
    ordered: "Ordered",
    shipped: "Shipped",
    outForDelivery: "Out for delivery",
    delivered: "Delivered",
  },
  order_confirmed: {
    subject: "Order {orderNumber} confirmed – thank you!",
    preview: "We've received your order and are getting it ready.",
    heading: "Thanks for your order",
    intro: "We've received order {orderNumber} and are getting it ready to ship.",
    next: "We'll email you again with tracking details as soon as your order is on its way.",
    button: "View your order",
  },
  shipped: {
    subject: "Your order {orderNumber} is on its way",
    preview: "Your parcel has left our warehouse. Track it every step of the way.",
    heading: "Your order has shipped",
    intro: "Good news: order {orderNumber} has left our warehouse.",
    withCarrier: "It's travelling with {carrier}, tracking number {trackingNumber}.",
    firstScan: "It can take up to 24 hours before the first tracking update appears.",
    button: "Track your parcel",
  },
  customs_hold: {
    subject: "Order {orderNumber}: your parcel is going through customs",
    preview: "A routine customs check – most parcels clear within a few days.",
    heading: "Your parcel is at customs",
    intro:
      "Since {date}, your parcel for order {orderNumber} has been held by customs in {country} for a routine check. This is normal for international shipments.",
    meaningHeading: "What this means",
    meaning:
      "Customs officers check the contents and value of parcels entering the country. Most parcels clear within a few working days without you having to do anything.",
    askedHeading: "What you may be asked for",
    askedId: "Proof of identity, such as an ID or tax number",
    askedInvoice: "The invoice for your order – you can download it from your order page",
    askedDuties: "Payment of import duties and taxes, if they were not paid at checkout (DAP delivery)",
    respond:
      "If the carrier or customs contacts you, please reply quickly: it's the fastest way to get your parcel released. We'll let you know as soon as it's moving again.",
    button: "Check status and invoice",
  },
  out_for_delivery: {
    subject: "Order {orderNumber} arrives today",
    preview: "Your parcel is with the driver and on its way to you.",
    heading: "Out for delivery today",
    intro: "Your parcel for order {orderNumber} is with the driver and should arrive today.",
    tip: "If nobody is home, the carrier may leave a notice or try again on the next working day. Make sure your name is visible on the door or letterbox.",
    button: "Track your parcel",
  },
  failed_attempt: {
    subject: "Order {orderNumber}: we couldn't deliver your parcel",
    preview: "The carrier missed you. Here's what happens next and how to reschedule.",
    heading: "We missed you",
    intro: "{carrier} tried to deliver your parcel for order {orderNumber} but couldn't complete the delivery.",
    introNoCarrier:
      "The carrier tried to deliver your parcel for order {orderNumber} but couldn't complete the delivery.",
    reason: "Reason given by the carrier: {reason}",
    nextHeading: "What happens next",
    nextDefault:
      "The carrier usually tries again on the next working day. If that attempt fails too, your parcel is kept at a local pickup point for a few days before it is returned to us.",
    nextStep: "Carrier's note: {nextStep}",
    rescheduleHeading: "Reschedule or change the delivery",
    reschedule: "On your order page you can choose a new delivery day, pick a pickup point or correct your address.",
    contactCarrier: "You can also contact {carrier} directly with tracking number {trackingNumber}.",
    button: "Reschedule delivery",
  },
  delivered: {
    subject: "Order {orderNumber} has been delivered",
    preview: "Your parcel has arrived. We hope you love it!",
    heading: "Your order has arrived",
    intro: "Your parcel for order {orderNumber} has been delivered. We hope you love it!",
    notFound:
      "Can't find it? Check around your door, with your neighbours or at reception. If it hasn't turned up within 24 hours, let us know from your order page.",
    returns: "Something not right? You can start a return from your order page.",
    button: "View your order",
  },
  return_approved: {
    subject: "Your return for order {orderNumber} is approved",
    preview: "Your return number and how to send the items back.",
    heading: "Your return is approved",
    intro: "We've approved the return for order {orderNumber}. Your return number (RMA) is {rma}.",
    stepsHeading: "How to send it back",
    stepPack: "Pack the items securely, ideally in their original packaging.",
    stepRma: "Write {rma} on the package, or put a note with it inside.",
    stepLabel: "Print the return label and attach it to the package.",
    stepLabelPending: "Your return label will appear on your order page shortly.",
    stepDropOff: "Hand the package to the carrier and keep the receipt until your refund arrives.",
    refundNote: "We'll refund you as soon as the items have arrived and been checked, and let you know by email.",
    labelButton: "Download return label",
    button: "View your return",
  },
  refund_issued: {
    subject: "Your refund for order {orderNumber} has been issued",
    preview: "Your money is on its way back to you.",
    heading: "Your refund is on its way",
    intro: "We've refunded {amount} for order {orderNumber}.",
    introNoAmount: "We've issued the refund for order {orderNumber}.",
    amountLabel: "Refund amount",
    timing:
      "It goes back to your original payment method. Depending on your bank, it can take 5–10 business days to appear on your statement.",
    button: "View your order",
  },
};

export type EmailMessages = typeof en;
