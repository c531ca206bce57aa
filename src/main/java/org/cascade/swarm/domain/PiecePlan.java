package org.cascade.swarm.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Which source of a reception carries which piece next. A receiver takes pieces from several
 * sources at once — terminals, and the center itself (origin) — and the center, which sees every
 * holder, asks each source for a few pieces at a time ({@link #PIPELINE}) and more as receipts
 * come in, so that a fast source is asked for more and a slow one holds up little.
 *
 * <p>The rules, in order:
 * <ol>
 * <li>Terminal sources take turns, one piece at a time, each the rarest piece it holds that no
 * source is asked for yet (fewest online holders; ties broken by a hash of the receiver, so that
 * receivers asking at the same moment start on different pieces and soon have something to give
 * each other). A user playing while receiving gets pieces in order instead.</li>
 * <li>The origin takes only what no terminal can: a rare piece ({@link #RARE}: held by one
 * online terminal or none) that none of the receiver's terminal sources holds — its one holder
 * is busy with others, or there is none — and never a piece it is sending someone else at the
 * moment or sent moments ago (that receiver is about to say it holds it), so that each piece
 * goes into the swarm about once and the terminals pass it on (a piece sent moments ago still
 * goes to a receiver that would otherwise wait for nothing).</li>
 * <li>Endgame: once every piece the receiver lacks is asked of some source, a terminal source
 * with room is also asked for a piece another source is still sending ({@link #MAX_COPIES} at
 * most). Whichever copy is receipted first is charged; the reception never pays for a piece twice.</li>
 * </ol>
 */
public final class PiecePlan {

    /** Pieces a source is asked for ahead of its receipts. */
    public static final int PIPELINE = 2;
    /** Sources asked for the same piece at once, in the endgame. */
    public static final int MAX_COPIES = 2;
    /** Held by this many terminals at most, a piece is rare: one holder cannot spread it fast alone. */
    public static final int RARE = 1;

    /**
     * One source of the reception: its link, whether it is the origin, the pieces its terminal
     * may send (ignored for the origin, which holds everything), and those it was asked for and
     * has not delivered yet.
     */
    public record Source(String link, boolean origin, PieceSet held, PieceSet outstanding) {
    }

    /** What the plan asks: newly asked pieces by link, and what no source was asked for. */
    public record Result(Map<String, PieceSet> asked, PieceSet unasked, boolean endgame) {

        public PieceSet askedOf(String link) {
            return asked.get(link);
        }
    }

    private final PieceSet lacking;
    private final int[] holders;
    private final int[] originSending;
    private final boolean[] originSentJustNow;
    private final boolean inOrder;
    private final int tieSeed;

    /**
     * @param lacking    the pieces the receiver does not have
     * @param holders    per piece, how many online terminals (other than the receiver) may send it
     * @param originSending per piece, how many receivers the origin is sending it to now
     * @param originSentJustNow per piece, whether the origin was asked for it moments ago
     * @param inOrder    the user plays while receiving: pieces in order
     * @param tieSeed    the receiver's own tie-break (its serial's hash, say)
     */
    public PiecePlan(PieceSet lacking, int[] holders, int[] originSending, boolean[] originSentJustNow, boolean inOrder,
                     int tieSeed) {
        if (holders.length != lacking.pieceCount() || originSending.length != lacking.pieceCount()
                || originSentJustNow.length != lacking.pieceCount()) {
            throw new IllegalArgumentException("counts for another content");
        }
        this.lacking = lacking;
        this.holders = holders.clone();
        this.originSending = originSending.clone();
        this.originSentJustNow = originSentJustNow.clone();
        this.inOrder = inOrder;
        this.tieSeed = tieSeed;
    }

    public Result plan(List<Source> sources) {
        int n = lacking.pieceCount();
        int[] copies = new int[n];
        int[] room = new int[sources.size()];
        List<List<Integer>> added = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            PieceSet out = sources.get(s).outstanding().intersect(lacking);
            out.stream().forEach(i -> copies[i]++);
            room[s] = Math.max(0, PIPELINE - out.size());
            added.add(new ArrayList<>());
        }
        boolean anyTerminal = sources.stream().anyMatch(s -> !s.origin());
        boolean[] terminalHolds = new boolean[n];
        sources.stream().filter(s -> !s.origin()).forEach(s -> s.held().stream().forEach(i -> terminalHolds[i] = true));

        // 1. Terminal sources in turns, the rarest unasked piece each holds.
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int s = 0; s < sources.size(); s++) {
                Source src = sources.get(s);
                if (src.origin() || room[s] == 0) {
                    continue;
                }
                int piece = pick(i -> copies[i] == 0 && src.held().contains(i), rarestFirst());
                if (piece >= 0) {
                    copies[piece]++;
                    room[s]--;
                    added.get(s).add(piece);
                    progress = true;
                }
            }
        }

        // 2. The origin, only where no terminal can; a piece it sent moments ago only when the
        // receiver would otherwise wait for nothing.
        for (int pass = 0; pass < 2; pass++) {
            boolean idle = lacking.stream().allMatch(i -> copies[i] == 0);
            if (pass == 1 && !idle) {
                break;
            }
            boolean patient = pass == 0;
            for (int s = 0; s < sources.size(); s++) {
                if (!sources.get(s).origin()) {
                    continue;
                }
                while (room[s] > 0) {
                    int piece = pick(i -> copies[i] == 0 && originSending[i] == 0 && !terminalHolds[i] && holders[i] <= RARE
                            && !(patient && originSentJustNow[i]), rarestFirst());
                    if (piece < 0) {
                        break;
                    }
                    copies[piece]++;
                    originSending[piece]++;
                    room[s]--;
                    added.get(s).add(piece);
                }
            }
        }

        // 3. Endgame: every lacking piece is asked of someone; spare terminal room takes second copies.
        boolean endgame = lacking.stream().allMatch(i -> copies[i] > 0);
        if (endgame) {
            progress = true;
            while (progress) {
                progress = false;
                for (int s = 0; s < sources.size(); s++) {
                    Source src = sources.get(s);
                    if (src.origin() || room[s] == 0) {
                        continue;
                    }
                    List<Integer> mine = added.get(s);
                    int piece = pick(i -> copies[i] < MAX_COPIES && src.held().contains(i) && !src.outstanding().contains(i)
                            && !mine.contains(i), Comparator.<Integer>comparingInt(i -> copies[i]).thenComparing(rarestFirst()));
                    if (piece >= 0) {
                        copies[piece]++;
                        room[s]--;
                        mine.add(piece);
                        progress = true;
                    }
                }
            }
        }

        Map<String, PieceSet> asked = new LinkedHashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            if (!added.get(s).isEmpty()) {
                asked.put(sources.get(s).link(), PieceSet.of(n, added.get(s).stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        PieceSet unasked = PieceSet.of(n, lacking.stream().filter(i -> copies[i] == 0).toArray());
        return new Result(asked, unasked, endgame);
    }

    /** Fewest holders first (or lowest index, in order), then the receiver's own tie-break. */
    private Comparator<Integer> rarestFirst() {
        if (inOrder) {
            return Comparator.naturalOrder();
        }
        return Comparator.<Integer>comparingInt(i -> holders[i]).thenComparingInt(this::tie);
    }

    private int tie(int piece) {
        int h = tieSeed * 31 + piece;
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h;
    }

    private int pick(IntPredicate eligible, Comparator<Integer> order) {
        return lacking.stream().filter(eligible).boxed().min(order).orElse(-1);
    }

    /** The holders count per piece from the pieces each online terminal may send. */
    public static int[] holders(int pieceCount, Iterable<PieceSet> held) {
        int[] counts = new int[pieceCount];
        for (PieceSet h : held) {
            h.stream().forEach(i -> counts[i]++);
        }
        return counts;
    }
}
