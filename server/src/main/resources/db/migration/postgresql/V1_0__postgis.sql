-- PostgreSQL only. Needs a superuser the first time (or the extension created beforehand by one).
CREATE EXTENSION IF NOT EXISTS postgis;
