CREATE TABLE note (
    id   UUID        NOT NULL PRIMARY KEY,
    text VARCHAR(10) NOT NULL
);
