-- The duplicate hints look for reports of the same category within 100 m: by latitude band first,
-- so that the search reads a handful of rows instead of every report of the category in 30 days.
CREATE INDEX report_category_latitude ON report (category, latitude);
