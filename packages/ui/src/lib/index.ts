// Shared UI helpers live here.
