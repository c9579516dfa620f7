-- Every stored article becomes a story of its own (its id is the story's id): the articles stored before
-- stories existed were never compared, and are left as they were counted. From here on each new article is
-- placed at ingest (db/queries/story-placement.ts). The band index starts empty, so new articles are compared
-- with articles stored from this migration on.
INSERT INTO stories (id, lang, article_count, first_article_id, first_published_at, last_published_at)
SELECT id, coalesce(lang, ''), 1, id, published_at, published_at FROM articles WHERE true;
--> statement-breakpoint
UPDATE articles SET story_id = id;
--> statement-breakpoint
-- The story's counts and times follow its articles, whatever inserts or deletes them (ingest, retention, feed
-- removal and `sample remove` by cascade). An article joins a story created for it with article_count 0.
CREATE TRIGGER `articles_story_insert` AFTER INSERT ON `articles` WHEN new.story_id IS NOT NULL BEGIN
  UPDATE stories SET
    article_count = article_count + 1,
    first_article_id = CASE
      WHEN article_count = 0 OR new.published_at < first_published_at
        OR (new.published_at = first_published_at AND new.id < first_article_id) THEN new.id
      ELSE first_article_id END,
    first_published_at = CASE WHEN article_count = 0 THEN new.published_at
      ELSE min(first_published_at, new.published_at) END,
    last_published_at = CASE WHEN article_count = 0 THEN new.published_at
      ELSE max(last_published_at, new.published_at) END
  WHERE id = new.story_id;
END;
--> statement-breakpoint
-- A story is never left empty, nor naming an article that is gone; the band rows go with their article.
CREATE TRIGGER `articles_story_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM story_bands WHERE id >= old.id * 32 AND id < (old.id + 1) * 32;
  DELETE FROM stories WHERE id = old.story_id AND article_count <= 1;
  UPDATE stories SET
    article_count = article_count - 1,
    first_article_id = (SELECT id FROM articles WHERE story_id = old.story_id ORDER BY published_at, id LIMIT 1),
    first_published_at = (SELECT min(published_at) FROM articles WHERE story_id = old.story_id),
    last_published_at = (SELECT max(published_at) FROM articles WHERE story_id = old.story_id)
  WHERE id = old.story_id;
END;
