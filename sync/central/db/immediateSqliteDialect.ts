import { SqliteDialect, SqliteDriver, CompiledQuery, type DatabaseConnection, type Driver } from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) `begin`:
 * the write lock is taken at the first write. In WAL mode a transaction that
 * read first and then finds that another connection (Central's CLI beside the
 * running server, or the reverse) committed in between cannot upgrade, and
 * SQLite answers "database is locked" at once, without waiting for
 * busy_timeout. `begin immediate` takes the write lock at the start, where
 * busy_timeout does wait, so a transaction either waits its turn or never
 * starts: it never fails halfway.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
