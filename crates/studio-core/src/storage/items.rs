//! Items SQL: the ledger, its delegates, the timeline and the two full-text indexes.
