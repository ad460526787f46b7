package dev.sessiondb.validation;

import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import java.util.Set;

/** A check that needs the store's task-id forms before it inspects a record: it surveys them first. */
abstract class TaskIdFormsSurvey implements Check {

    protected final TaskIdForms forms = new TaskIdForms();

    @Override
    public boolean needsSurvey() {
        return true;
    }

    @Override
    public Set<SessionField> surveyedFields() {
        return Set.of(SessionField.TASK_ID);
    }

    @Override
    public void survey(SessionRecord record) {
        record.taskId().ifPresent(forms::count);
    }
}
