package io.autoscalebot.engine.notify;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Finds every occurrence of many patterns in one pass over a text (Aho-Corasick): the cost of a line is its length,
 * whatever the number of secrets, so an engine with thousands of groups and tokens redacts as fast as one with a
 * single token. Built once per engine.
 *
 * <p>A pattern may be a <em>whole word</em> one: it matches only where no letter or digit touches it on either side.
 */
final class SecretMatcher {

    /**
     * A text to find.
     *
     * @param text what to find, not empty
     * @param wholeWord whether it matches only where no letter or digit touches it
     */
    record Pattern(String text, boolean wholeWord) {
    }

    private static final int ROOT = 0;
    private static final int NONE = -1;

    private final Edges edges = new Edges();
    /** The root's edges by character: most characters of a line leave no trace in the trie, and are read here. */
    private final int[] rootEdges = new int[Character.MAX_VALUE + 1];
    /** Per node: the node of its longest proper suffix in the trie. */
    private int[] fail = new int[16];
    /** Per node: the pattern that ends there, or NONE. */
    private int[] pattern = new int[16];
    /** Per node: the nearest node along the fail links where a pattern ends, or ROOT for none. */
    private int[] nextMatch = new int[16];
    private int nodes = 1;
    private final int[] lengths;
    private final boolean[] wholeWord;

    SecretMatcher(List<Pattern> patterns) {
        lengths = new int[patterns.size()];
        wholeWord = new boolean[patterns.size()];
        Arrays.fill(pattern, NONE);
        int[] firstChild = new int[16];
        int[] nextSibling = new int[16];
        char[] labels = new char[16];
        Arrays.fill(firstChild, NONE);
        for (int p = 0; p < patterns.size(); p++) {
            String text = patterns.get(p).text();
            lengths[p] = text.length();
            wholeWord[p] = patterns.get(p).wholeWord();
            int node = ROOT;
            for (int i = 0; i < text.length(); i++) {
                int child = edges.get(node, text.charAt(i));
                if (child == NONE) {
                    child = nodes++;
                    if (child == fail.length) {
                        int capacity = child * 2;
                        fail = Arrays.copyOf(fail, capacity);
                        nextMatch = Arrays.copyOf(nextMatch, capacity);
                        pattern = Arrays.copyOf(pattern, capacity);
                        Arrays.fill(pattern, child, capacity, NONE);
                        firstChild = Arrays.copyOf(firstChild, capacity);
                        Arrays.fill(firstChild, child, capacity, NONE);
                        nextSibling = Arrays.copyOf(nextSibling, capacity);
                        labels = Arrays.copyOf(labels, capacity);
                    }
                    edges.put(node, text.charAt(i), child);
                    labels[child] = text.charAt(i);
                    nextSibling[child] = firstChild[node];
                    firstChild[node] = child;
                }
                node = child;
            }
            // Of two equal patterns the whole-word one is the narrower, so the other one (a substring) is kept.
            if (pattern[node] == NONE || wholeWord[pattern[node]] && !wholeWord[p]) {
                pattern[node] = p;
            }
        }
        Arrays.fill(rootEdges, NONE);
        for (int child = firstChild[ROOT]; child != NONE; child = nextSibling[child]) {
            rootEdges[labels[child]] = child;
        }
        linkSuffixes(firstChild, nextSibling, labels);
    }

    /** Breadth first, so a node's fail link is known before its children need it. */
    private void linkSuffixes(int[] firstChild, int[] nextSibling, char[] labels) {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int child = firstChild[ROOT]; child != NONE; child = nextSibling[child]) {
            fail[child] = ROOT;
            nextMatch[child] = ROOT;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
                char c = labels[child];
                int suffix = fail[node];
                while (suffix != ROOT && edges.get(suffix, c) == NONE) {
                    suffix = fail[suffix];
                }
                int target = edges.get(suffix, c);
                fail[child] = target == NONE || target == child ? ROOT : target;
                nextMatch[child] = pattern[fail[child]] != NONE ? fail[child] : nextMatch[fail[child]];
                queue.add(child);
            }
        }
    }

    /** Marks, in {@code hidden}, the characters of the line that every match in this view of it came from. */
    void mark(DecodedText text, BitSet hidden) {
        int node = ROOT;
        for (int end = 0; end < text.length(); end++) {
            char c = text.charAt(end);
            int next = child(node, c);
            while (next == NONE && node != ROOT) {
                node = fail[node];
                next = child(node, c);
            }
            node = next == NONE ? ROOT : next;
            for (int found = pattern[node] != NONE ? node : nextMatch[node]; found != ROOT; found = nextMatch[found]) {
                int p = pattern[found];
                int start = end - lengths[p] + 1;
                if (!wholeWord[p] || !text.isBase64() && standsAlone(text, start, end)) {
                    hidden.set(text.from(start), text.to(end));
                }
            }
        }
    }

    private int child(int node, char c) {
        return node == ROOT ? rootEdges[c] : edges.get(node, c);
    }

    private static boolean standsAlone(DecodedText text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() - 1 || !Character.isLetterOrDigit(text.charAt(end + 1)));
    }

    /**
     * The trie's edges in one open-addressing table keyed by (node, character): a map per node would cost an object
     * per node and box every lookup.
     */
    private static final class Edges {
        private long[] keys = new long[64];
        private int[] children = new int[64];
        private int size;

        Edges() {
            Arrays.fill(keys, NONE);
        }

        int get(int node, char c) {
            long key = key(node, c);
            for (int slot = slot(key, keys.length); ; slot = (slot + 1) & (keys.length - 1)) {
                if (keys[slot] == key) {
                    return children[slot];
                }
                if (keys[slot] == NONE) {
                    return NONE;
                }
            }
        }

        void put(int node, char c, int child) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(key(node, c), child);
            size++;
        }

        private void insert(long key, int child) {
            int slot = slot(key, keys.length);
            while (keys[slot] != NONE) {
                slot = (slot + 1) & (keys.length - 1);
            }
            keys[slot] = key;
            children[slot] = child;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldChildren = children;
            keys = new long[oldKeys.length * 2];
            children = new int[oldKeys.length * 2];
            Arrays.fill(keys, NONE);
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != NONE) {
                    insert(oldKeys[slot], oldChildren[slot]);
                }
            }
        }

        private static long key(int node, char c) {
            return (long) node << 16 | c;
        }

        private static int slot(long key, int capacity) {
            long mixed = key * 0x9E3779B97F4A7C15L;
            return (int) (mixed ^ mixed >>> 32) & (capacity - 1);
        }
    }
}
