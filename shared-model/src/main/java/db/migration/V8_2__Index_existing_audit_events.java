package db.migration;

import com.siali.label.persistence.AuditSearchWords;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the History search's word index (V8) for the audit events written before it existed, with
 * the same words {@link AuditSearchWords} gives a new event. Java, not SQL: the split into words is
 * the application's, and the same on both backends.
 */
public class V8_2__Index_existing_audit_events extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    AuditSearchWords.indexEventsAfter(context.getConnection(), 0);
  }
}
