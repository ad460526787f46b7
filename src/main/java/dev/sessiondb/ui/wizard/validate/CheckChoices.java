package dev.sessiondb.ui.wizard.validate;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.validation.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The checks the wizard offers and runs: those that apply to the store's kind of sessions ({@link Checks#applyingTo}). Only the
 * open store's kind is known before a read (its table lists them: {@link CurrentStore#listedKindProperty}); any other store
 * is offered every check. A choice keeps its tick while it is out of the list.
 */
final class CheckChoices {

    private final Map<String, ValidateWizardViewModel.CheckChoice> every = new LinkedHashMap<>();
    private final ObservableList<ValidateWizardViewModel.CheckChoice> offered = FXCollections.observableArrayList();
    private final Supplier<Optional<SessionKind>> openStoreKindIfChosen;

    /** @param openStoreKindIfChosen the open store's one kind of sessions when the wizard's store is the open one, else none */
    CheckChoices(CurrentStore current, Supplier<Optional<SessionKind>> openStoreKindIfChosen) {
        this.openStoreKindIfChosen = openStoreKindIfChosen;
        Checks.NAMES.forEach(name -> every.put(name, new ValidateWizardViewModel.CheckChoice(name, new SimpleBooleanProperty(true))));
        current.listedKindProperty().addListener((property, before, after) -> update());
        update();
    }

    ObservableList<ValidateWizardViewModel.CheckChoice> offered() {
        return offered;
    }

    /** Offers the checks that apply to the chosen store, as far as is known. */
    void update() {
        SessionKind kind = openStoreKindIfChosen.get().orElse(SessionKind.MINSKY);
        List<ValidateWizardViewModel.CheckChoice> applying = Checks.applyingTo(kind).stream().map(every::get).toList();
        if (!applying.equals(offered)) {
            offered.setAll(applying);
        }
    }
}
