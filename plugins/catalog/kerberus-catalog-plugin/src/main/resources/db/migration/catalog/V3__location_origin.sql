-- Who registered a location: 'config', 'api', or 'scaffolder:<task id>' (catalog:register), which is 47
-- characters and did not fit the first VARCHAR(20).
ALTER TABLE catalog_locations ALTER COLUMN origin SET DATA TYPE VARCHAR(100);
