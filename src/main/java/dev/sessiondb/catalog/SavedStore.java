package dev.sessiondb.catalog;

import io.ebean.annotation.DbName;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store the user added to the app's list, by its locator: never with a password. */
@Entity
@Table(name = "saved_store")
@DbName(Catalog.NAME)
public class SavedStore {

    @Id
    private Long id;

    private String locator;
    /** Where the store stands in the user's list. */
    private int position;
    private Instant addedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLocator() {
        return locator;
    }

    public void setLocator(String locator) {
        this.locator = locator;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public void setAddedAt(Instant addedAt) {
        this.addedAt = addedAt;
    }
}
