"""Create the single log-state row and make log entries and nodes append-only in the database.

The triggers are the last line of defence: even a shell with database access cannot update or
delete a log row without dropping a trigger first, which a DBA audit would show.
"""

from django.db import migrations

TABLES = ["ledger_logentry", "ledger_lognode"]

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION ceasefire_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the transparency log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def create_state_row(apps, schema_editor):
    apps.get_model("ledger", "LogState").objects.get_or_create(id=1, defaults={"size": 0, "frontier": b""})


def install_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, params=None)
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION ceasefire_log_is_append_only();"
            )
    elif vendor == "sqlite":
        # The embedded database refuses updates only: Django's test flush empties tables with
        # DELETE on SQLite, while PostgreSQL (production) uses TRUNCATE and refuses DELETE too.
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'the transparency log is append-only: UPDATE on {table} refused'); END;"
            )


def remove_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update;")


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [
        migrations.RunPython(create_state_row, migrations.RunPython.noop),
        migrations.RunPython(install_triggers, remove_triggers),
    ]
