-- H2 only (issue 13): every listed event and each of its sources joins its article for title and url. H2 stores a
-- row whole, so that join read and decoded the article's body too (up to the 2 MB an article may hold). With id,
-- title and url in one index H2 answers the join from the index alone (it picks it by itself; EXPLAIN shows
-- ARTICLES_TITLE_COVER_IDX: ID = E.ARTICLE_ID). PostgreSQL keeps large bodies out of line (TOAST) and needs none.
CREATE INDEX articles_title_cover_idx ON articles (id, title, url);
