package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How a user wants the contents list arranged (FIG. 13 S709–S711): liked genres first, a sort, a page size. */
@Entity
@Table(name = "DISPLAY_CONDITIONS")
public class DisplayConditions {

    public static final Set<Integer> PAGE_SIZES = Set.of(10, 20, 50);

    @Id
    @Column(length = 16)
    private String serial;

    @Column(length = 200)
    private String likedGenres;

    @Column(length = 12)
    private String sort;

    private int pageSize;

    protected DisplayConditions() {
    }

    public DisplayConditions(String serial) {
        this.serial = serial;
        this.likedGenres = "";
        this.sort = ListSort.NEWEST.name();
        this.pageSize = 20;
    }

    public void change(Set<Genre> liked, ListSort sort, int pageSize) {
        this.likedGenres = liked.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.sort = sort.name();
        this.pageSize = PAGE_SIZES.contains(pageSize) ? pageSize : 20;
    }

    public Set<Genre> likedGenres() {
        if (likedGenres == null || likedGenres.isEmpty()) {
            return EnumSet.noneOf(Genre.class);
        }
        return Arrays.stream(likedGenres.split(",")).map(Genre::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Genre.class)));
    }

    public ListSort sort() {
        return ListSort.valueOf(sort);
    }

    public int pageSize() {
        return pageSize;
    }
}
