/** The example rule set from the rules engine's documentation, as stored. */
export const EXAMPLE = `{
  "version": 3,
  "rules": [
    {
      "id": "heavy-de-dhl",
      "name": "Heavy parcels to Germany go DHL Express",
      "kind": "routing",
      "enabled": true,
      "priority": 10,
      "when": { "all": [
        { "field": "destinationCountry", "op": "eq", "value": "DE" },
        { "field": "weightGrams", "op": "gt", "value": 2000 }
      ] },
      "then": [ { "type": "use_carrier", "carrier": "dhl_express", "service": "express_worldwide" } ]
    },
    {
      "id": "default-routing",
      "name": "Otherwise balance cost, speed and carbon",
      "kind": "routing",
      "enabled": true,
      "priority": 1000,
      "when": { "all": [] },
      "then": [ { "type": "objective", "weights": { "cost": 0.6, "speed": 0.3, "carbon": 0.1 } } ]
    },
    {
      "id": "eu-from-fra",
      "name": "EU orders from Frankfurt first",
      "kind": "allocation",
      "enabled": true,
      "priority": 10,
      "when": { "all": [ { "field": "destinationRegion", "op": "eq", "value": "EU" } ] },
      "then": [ { "type": "warehouse_priority", "warehouseCodes": ["FRA1", "SZX1"] },
                { "type": "allow_split", "allowed": false } ]
    },
    {
      "id": "high-value-or-batteries",
      "name": "Review high-value orders and batteries by air",
      "kind": "exception",
      "enabled": true,
      "priority": 5,
      "when": { "any": [
        { "field": "orderValue", "op": "gte", "value": { "amount": 100000, "currency": "EUR" } },
        { "all": [
          { "field": "skuTags", "op": "contains", "value": "battery" },
          { "field": "destinationRegion", "op": "in", "value": ["OCEANIA", "NORTH_AMERICA"] }
        ] }
      ] },
      "then": [ { "type": "hold", "code": "manual_review", "message": "High value or lithium batteries by air" } ]
    },
    {
      "id": "uk-ddp",
      "name": "UK orders ship DDP and get tagged",
      "kind": "action",
      "enabled": true,
      "priority": 20,
      "when": { "all": [ { "field": "destinationCountry", "op": "eq", "value": "GB" },
                         { "field": "destinationPostalCode", "op": "matches", "value": "^BT", "ignoreCase": true } ] },
      "then": [ { "type": "set_incoterm", "incoterm": "DDP" }, { "type": "tag", "tag": "northern-ireland" },
                { "type": "notify", "channel": "webhook", "to": "https://ops.example.com/hooks/ni" } ]
    }
  ]
}`;
