// Request and response schemas for this area.
export {};
