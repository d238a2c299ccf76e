-- The platform reports ready only once the schema is at the version it was built for (a rollout whose
-- migration Job has not finished waits, while the previous pods keep serving): it reads the history.
GRANT SELECT ON flyway_schema_history TO ${app_role};
