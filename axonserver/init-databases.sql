-- One database per service, for the docker-compose PostgreSQL (run once, on an empty data volume).
CREATE DATABASE user_db;
CREATE DATABASE booking_db;
CREATE DATABASE payment_db;
CREATE DATABASE saga_db;
CREATE DATABASE query_db;
