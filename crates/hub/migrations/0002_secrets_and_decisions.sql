-- The secret of the stored credentials (client secret or private key), encrypted with
-- AES-256-GCM: 12-byte nonce followed by the ciphertext; the request id is the associated data.
ALTER TABLE connection_requests ADD COLUMN secret_ciphertext BLOB;
-- The X.509 certificate (public, so stored as it is).
ALTER TABLE connection_requests ADD COLUMN certificate TEXT;
-- Why a hub administrator approved or rejected the request.
ALTER TABLE connection_requests ADD COLUMN decision_reason TEXT;
