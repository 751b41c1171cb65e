-- Sign-in attempts per normalised email (EmailAddresses.key: trimmed, lower-cased): the times of the
-- attempts in the window. An attempt is reserved here, in one upsert that locks the row, before the
-- password is checked, so parallel guesses cannot all read "4 failures so far" and all go on to bcrypt.
CREATE TABLE login_attempt (
    email    text PRIMARY KEY,
    attempts timestamptz[] NOT NULL
);
DROP TABLE login_failure;
