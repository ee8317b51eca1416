package io.ticketing.support.persistence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A row whose id comes from an event: new until it is stored or loaded. Spring Data would otherwise take a row with
 * an id for an existing one and select it before every insert, a round trip an event that a rebuild cannot afford.
 */
@MappedSuperclass
public abstract class ProjectionRow implements Persistable<UUID> {

    @Transient
    private boolean isNew = true;

    @Override
    @JsonIgnore
    public boolean isNew() {
        return isNew;
    }

    @PrePersist
    @PostLoad
    protected void stored() {
        isNew = false;
    }
}
