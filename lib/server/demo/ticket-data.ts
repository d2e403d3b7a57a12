/** A resolved past support ticket of the fictional Acme help desk (demo data, no real people). */
export interface DemoTicket {
  id: string;
  subject: string;
  category: "billing" | "account" | "bug" | "shipping" | "how-to";
  resolution: string;
}

/** The fixed, invented dataset behind GET /api/demo/tickets. */
export const DEMO_TICKETS: readonly DemoTicket[] = [
  {
    id: "T-1001",
    subject: "Charged twice for my monthly subscription",
    category: "billing",
    resolution:
      "Refunded the duplicate charge; the second payment came from a retried card authorisation.",
  },
  {
    id: "T-1002",
    subject: "Invoice shows the wrong company name",
    category: "billing",
    resolution:
      "Updated the billing profile and reissued the invoice with the corrected company name.",
  },
  {
    id: "T-1003",
    subject: "Refund for an annual plan cancelled after two weeks",
    category: "billing",
    resolution: "Issued a prorated refund under the 30-day money-back policy.",
  },
  {
    id: "T-1004",
    subject: "Card declined when upgrading to the team plan",
    category: "billing",
    resolution:
      "The bank blocked the foreign transaction; the customer approved it and retried the upgrade.",
  },
  {
    id: "T-1005",
    subject: "Cannot reset my password, reset email never arrives",
    category: "account",
    resolution:
      "The reset email was in the spam folder; added our sender to the allow list and resent it.",
  },
  {
    id: "T-1006",
    subject: "Locked out after too many login attempts",
    category: "account",
    resolution:
      "Explained the 15-minute lockout and verified identity before unlocking the account.",
  },
  {
    id: "T-1007",
    subject: "How do I change the email address on my account",
    category: "account",
    resolution:
      "Sent the steps: Settings, Profile, Email; a confirmation link goes to the new address.",
  },
  {
    id: "T-1008",
    subject: "Two-factor authentication codes are rejected",
    category: "account",
    resolution:
      "The phone clock was out of sync; enabling automatic time fixed the authenticator codes.",
  },
  {
    id: "T-1009",
    subject: "Delete my account and all my data",
    category: "account",
    resolution:
      "Confirmed the request, scheduled deletion and sent the confirmation after 30 days.",
  },
  {
    id: "T-1010",
    subject: "App crashes when exporting a report to PDF",
    category: "bug",
    resolution:
      "Known bug with reports over 200 pages; fixed in version 4.2, workaround is CSV export.",
  },
  {
    id: "T-1011",
    subject: "Dashboard charts are blank in Safari",
    category: "bug",
    resolution:
      "Caused by a blocked third-party script; fixed in the next release, Chrome works meanwhile.",
  },
  {
    id: "T-1012",
    subject: "Sync between mobile and desktop app stopped working",
    category: "bug",
    resolution:
      "Signing out and in again refreshed the sync token; engineering fixed the expiry bug.",
  },
  {
    id: "T-1013",
    subject: "Notifications arrive hours late",
    category: "bug",
    resolution:
      "A queue backlog delayed notifications; the incident was resolved and delivery is normal.",
  },
  {
    id: "T-1014",
    subject: "Order has not arrived after ten days",
    category: "shipping",
    resolution: "The parcel was held at the depot; the carrier redelivered it within two days.",
  },
  {
    id: "T-1015",
    subject: "Package arrived damaged",
    category: "shipping",
    resolution:
      "Shipped a free replacement and asked the customer to keep or recycle the damaged item.",
  },
  {
    id: "T-1016",
    subject: "Change the shipping address of an order",
    category: "shipping",
    resolution:
      "Updated the address before dispatch; orders already shipped need a carrier redirect.",
  },
  {
    id: "T-1017",
    subject: "Tracking number does not work",
    category: "shipping",
    resolution: "Tracking activates 24 hours after dispatch; the number worked the next day.",
  },
  {
    id: "T-1018",
    subject: "How do I invite teammates to my workspace",
    category: "how-to",
    resolution: "Sent the steps: Settings, Members, Invite; invitations expire after seven days.",
  },
  {
    id: "T-1019",
    subject: "How to connect the calendar integration",
    category: "how-to",
    resolution: "Walked through Integrations, Calendar, Connect and granting read access.",
  },
  {
    id: "T-1020",
    subject: "Export all my data to a spreadsheet",
    category: "how-to",
    resolution:
      "Explained the CSV export under Settings, Data, Export, which emails a download link.",
  },
];
