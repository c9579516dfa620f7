-- The converted band index and keys (0014) take the place of the empty tables 0015 made.
DROP TABLE `story_bands`;
--> statement-breakpoint
ALTER TABLE `story_bands_v2` RENAME TO `story_bands`;
--> statement-breakpoint
DROP TABLE `story_keys`;
--> statement-breakpoint
ALTER TABLE `story_keys_v2` RENAME TO `story_keys`;
--> statement-breakpoint
-- As in 0011, but an article's band rows are found through its keys: they are keyed by week and band.
CREATE TRIGGER `articles_story_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM story_bands
  WHERE week = (SELECT published_at / 604800000 FROM story_keys WHERE article_id = old.id)
    AND key IN (SELECT value FROM json_each((SELECT keys FROM story_keys WHERE article_id = old.id)))
    AND published_at = (SELECT published_at FROM story_keys WHERE article_id = old.id)
    AND article_id = old.id;
  DELETE FROM story_keys WHERE article_id = old.id;
  DELETE FROM stories WHERE id = old.story_id AND article_count <= 1;
  UPDATE stories SET
    article_count = article_count - 1,
    first_article_id = (SELECT id FROM articles WHERE story_id = old.story_id ORDER BY published_at, id LIMIT 1),
    first_published_at = (SELECT min(published_at) FROM articles WHERE story_id = old.story_id),
    last_published_at = (SELECT max(published_at) FROM articles WHERE story_id = old.story_id)
  WHERE id = old.story_id;
END;
