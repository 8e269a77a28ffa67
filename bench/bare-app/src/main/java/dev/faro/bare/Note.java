package dev.faro.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One entity, so Hibernate ORM starts a persistence unit as it does in a service (it skips one with none). */
@Entity
public class Note extends PanacheEntityBase {

    @Id
    public long id;

    public String text;
}
