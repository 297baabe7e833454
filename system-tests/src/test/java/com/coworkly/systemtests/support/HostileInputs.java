package com.coworkly.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hostile variations of a valid JSON body, drawn from a {@link Random} the caller seeds, so that the same seed
 * sends the same inputs. Each variation says whether it must be refused (a 4xx problem+json
 * and nothing stored) or is valid but exotic (a 2xx is fine too; a 5xx never is).
 */
public final class HostileInputs {

    /** What the answer to an input must be. */
    public enum Expect {
        /** A 4xx application/problem+json with a code, and no event. */
        REFUSED,
        /** Valid but unusual: a 2xx, or a 4xx problem+json with no event; never a 5xx. */
        ACCEPTED_OR_REFUSED
    }

    /** One request body to send: what kind of hostility it carries, the raw text, and what must come back. */
    public record Input(String kind, String description, String body, Expect expect) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MEGABYTE = 1024 * 1024;
    /** Several megabytes, so that a limit on request bodies (or the fields' own limits) is what refuses them. */
    public static final int HUGE = 5 * MEGABYTE;

    /**
     * Text that is valid, if unusual: it must be stored and come back exactly. Quotes, markup, SQL, emoji (outside
     * the Basic Multilingual Plane), right-to-left text and marks, combining characters, zero-width characters.
     */
    public static final List<String> EXOTIC_TEXT = List.of(
            "<script>alert('x')</script>",
            "\"quoted\" & 'single' <b>bold</b>",
            "Robert'); DROP TABLE event_store.domain_event_entry;--",
            "' OR '1'='1",
            "Desk 🚀 with 👩‍💻 and 🇳🇱",
            "\u202Eevil\u202C and \u200Fמשרד\u200F",
            "مكتب هادئ",
            "Zoë Ñandú Ærø ß Ǆ",
            "e\u0301 combining, zero\u200Bwidth, \uFEFFbom",
            "Tab\tand\nnew line",
            "${jndi:ldap://example.test/a} {{7*7}} %s %n",
            "\\ backslash \\\\ and \\u0000 literally",
            "日本語の机");

    /** Text no stored name or reason may hold: control characters and halves of surrogate pairs. */
    public static final List<String> UNREPRESENTABLE_TEXT = List.of(
            "nul\u0000byte",
            "bell\u0007",
            "escape\u001B[31mred",
            "delete\u007F",
            "c1\u0085next line",
            "lone high \uD83D surrogate",
            "lone low \uDE80 surrogate",
            "form\ffeed",
            "vertical\u000Btab");

    private final Random random;

    public HostileInputs(long seed) {
        this.random = new Random(seed);
    }

    /** Characters of the scripts, symbols and marks exotic text is drawn from (no controls, no lone surrogates). */
    private static final char[][] EXOTIC_RANGES = {
        {' ', '~'},
        {'\u00A0', '\u024F'},
        {'\u0370', '\u06FF'},
        {'\u3040', '\u30FF'},
        {'\u4E00', '\u4FFF'},
        {'\u200B', '\u200F'},
        {'\u202A', '\u202E'}
    };

    /** A whole number from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /**
     * Any string of up to 40 characters: any UTF-16 unit at all (controls, surrogate halves, private use and
     * unassigned ones among them) half of the time, else ASCII, controls or exotic text.
     */
    public String anyString() {
        StringBuilder text = new StringBuilder();
        int length = between(0, 40);
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (between(0, 5)) {
                        case 0, 1, 2 -> (char) random.nextInt(0x10000);
                        case 3 -> (char) between(' ', '~');
                        case 4 -> (char) between(0, 0x1F);
                        default -> exoticCharacter();
                    });
        }
        return text.toString();
    }

    /** Text of 1 to 40 printable characters from all over Unicode, with an emoji now and then; never controls. */
    public String exoticString() {
        StringBuilder text = new StringBuilder();
        int length = between(1, 40);
        for (int i = 0; i < length; i++) {
            if (between(0, 9) == 0) {
                text.appendCodePoint(between(0x1F300, 0x1F64F));
            } else {
                text.append(exoticCharacter());
            }
        }
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? "x" : stripped;
    }

    private char exoticCharacter() {
        char[] range = EXOTIC_RANGES[random.nextInt(EXOTIC_RANGES.length)];
        return (char) between(range[0], range[1]);
    }

    /** The variations of a body. {@code optional} names the fields (dotted paths) that may be left out. */
    public List<Input> of(
            ObjectNode valid,
            Set<String> optional,
            Set<String> textFields,
            Set<String> numberFields,
            Set<String> periodFields,
            boolean bodyOptional) {
        return of(valid, optional, textFields, numberFields, periodFields, bodyOptional, false);
    }

    /** {@code farFutureIsValid}: a period that ends in the future is valid however far (a maintenance block). */
    public List<Input> of(
            ObjectNode valid,
            Set<String> optional,
            Set<String> textFields,
            Set<String> numberFields,
            Set<String> periodFields,
            boolean bodyOptional,
            boolean farFutureIsValid) {
        List<Input> inputs = new ArrayList<>();
        String json = write(valid);
        malformed(json, bodyOptional, inputs::add);
        List<String> fields = new ArrayList<>();
        collectFields(valid, "", fields);
        for (String field : fields) {
            wrongTypes(valid, field, inputs::add);
            missing(valid, field, optional.contains(field), inputs::add);
        }
        extraFields(valid, fields, inputs::add);
        huge(valid, textFields, inputs::add);
        for (String field : numberFields) {
            hugeNumbers(valid, field, inputs::add);
        }
        for (String field : textFields) {
            text(valid, field, optional.contains(field), inputs::add);
        }
        if (!periodFields.isEmpty()) {
            periods(valid, periodFields, farFutureIsValid, inputs::add);
        }
        return inputs;
    }

    private void malformed(String json, boolean bodyOptional, Consumer<Input> inputs) {
        for (String broken : List.of(
                "{",
                "}",
                "{\"a\":}",
                "[1, 2]",
                "\"text\"",
                "42",
                "true",
                "{'single': 'quotes'}",
                "{\"a\": 1,}",
                "/* comment */ {}",
                "{\"a\": NaN}",
                "{\"a\": Infinity}",
                "{\"a\": \"\\uZZZZ\"}",
                "{\"a\": \"unterminated}",
                "{\"a\" 1}",
                "{a: 1}",
                "{\"a\": 01}",
                "{\"a\": .5}",
                "{\"a\": 0x10}")) {
            inputs.accept(refused("malformed", broken, broken));
        }
        if (!bodyOptional) {
            inputs.accept(refused("malformed", "no body", ""));
            inputs.accept(refused("malformed", "null", "null"));
            inputs.accept(refused("malformed", "an empty object", "{}"));
        }
        inputs.accept(refused("malformed", "trailing garbage", json + " garbage"));
        inputs.accept(refused("malformed", "a second document", json + json));
        inputs.accept(refused("malformed", "a stray brace", json + "}"));
        // Any structural character (or quote) left out, wherever the draw picks, breaks the document.
        List<Integer> structural = structuralPositions(json);
        for (int i = 0; i < 8; i++) {
            int at = structural.get(between(0, structural.size() - 1));
            inputs.accept(refused(
                    "malformed",
                    "without the " + json.charAt(at) + " at " + at,
                    json.substring(0, at) + json.substring(at + 1)));
        }
        for (int i = 0; i < 6; i++) {
            int at = between(1, json.length() - 1);
            inputs.accept(refused("malformed", "cut after " + at + " characters", json.substring(0, at)));
        }
    }

    private void wrongTypes(ObjectNode valid, String field, Consumer<Input> inputs) {
        JsonNode original = at(valid, field);
        Map<String, JsonNode> others = Map.of(
                "a string", NODES.textNode("wrong"),
                "an integer", NODES.numberNode(7),
                "a decimal", NODES.numberNode(new java.math.BigDecimal("7.5")),
                "a boolean", NODES.booleanNode(true),
                "an array", NODES.arrayNode().add("wrong"),
                "an object", NODES.objectNode().put("wrong", 1));
        for (Map.Entry<String, JsonNode> other : new java.util.TreeMap<>(others).entrySet()) {
            if (sameType(original, other.getValue())) {
                continue;
            }
            inputs.accept(refused(
                    "wrong type", field + " as " + other.getKey(), write(replaced(valid, field, other.getValue()))));
        }
    }

    private static boolean sameType(JsonNode original, JsonNode other) {
        if (original.isNumber() && other.isNumber()) {
            // an integer where a decimal is expected is the same type; a decimal where an integer is, is not
            return !(original.isIntegralNumber() && !other.isIntegralNumber());
        }
        return original.getNodeType() == other.getNodeType();
    }

    private void missing(ObjectNode valid, String field, boolean optional, Consumer<Input> inputs) {
        ObjectNode without = valid.deepCopy();
        String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
        JsonNode container = parent.isEmpty() ? without : at(without, parent);
        if (container instanceof ObjectNode object) {
            object.remove(field.substring(field.lastIndexOf('.') + 1));
            inputs.accept(
                    optional
                            ? either("missing", "without " + field, write(without))
                            : refused("missing", "without " + field, write(without)));
        }
        JsonNode nulled = replaced(valid, field, NODES.nullNode());
        inputs.accept(
                optional
                        ? either("missing", field + " null", write(nulled))
                        : refused("missing", field + " null", write(nulled)));
    }

    private void extraFields(ObjectNode valid, List<String> fields, Consumer<Input> inputs) {
        for (String extra : List.of("extra", "__proto__", "constructor", "$where", "NAME", "name ", "\u0000", "🚀")) {
            ObjectNode more = valid.deepCopy();
            more.put(extra, "surplus");
            inputs.accept(refused("extra field", "with " + visible(extra), write(more)));
        }
        for (String field : fields) {
            if (at(valid, field) instanceof ObjectNode) {
                ObjectNode more = valid.deepCopy();
                ((ObjectNode) at(more, field)).put("extra", 1);
                inputs.accept(refused("extra field", "with " + field + ".extra", write(more)));
            }
        }
        // The same name twice: parsers disagree on which one wins, so neither may.
        String first = valid.fieldNames().next();
        String json = write(valid);
        inputs.accept(refused(
                "extra field",
                "with " + first + " twice",
                "{\"" + first + "\": " + write(valid.get(first)) + ", " + json.substring(1)));
    }

    private void huge(ObjectNode valid, Set<String> textFields, Consumer<Input> inputs) {
        String megabytes = "x".repeat(HUGE);
        if (!textFields.isEmpty()) {
            String field = textFields.iterator().next();
            inputs.accept(refused(
                    "huge",
                    field + " of " + HUGE + " characters",
                    write(replaced(valid, field, NODES.textNode(megabytes)))));
        }
        ObjectNode surplus = valid.deepCopy();
        surplus.put("padding", megabytes);
        inputs.accept(refused("huge", "an extra field of " + HUGE + " characters", write(surplus)));
        inputs.accept(refused("huge", "an array nested " + HUGE / 5 + " deep", "[".repeat(HUGE / 5)));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < HUGE / 4; i++) {
            many.add(7);
        }
        String firstField = valid.fieldNames().next();
        inputs.accept(refused(
                "huge",
                firstField + " as an array of " + many.size() + " numbers",
                write(replaced(valid, firstField, many))));
        inputs.accept(refused(
                "huge", "a number of " + HUGE + " digits", "{\"" + firstField + "\": " + "9".repeat(HUGE) + "}"));
        // Valid, only large: refused once a limit on request bodies is in place, accepted until then.
        inputs.accept(either(
                "huge",
                "the valid body padded with " + HUGE + " spaces",
                "{" + " ".repeat(HUGE) + write(valid).substring(1)));
    }

    private void hugeNumbers(ObjectNode valid, String field, Consumer<Input> inputs) {
        for (String number : List.of(
                "1e309",
                "-1e309",
                "1e-400",
                "1e2147483648",
                "99999999999999999999999999999",
                "9223372036854775808",
                "-9223372036854775809",
                "2147483648",
                "-2147483649",
                "-1",
                "1.0000000000000000001",
                "-0",
                "0")) {
            ObjectNode changed = valid.deepCopy();
            String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
            ObjectNode container = (ObjectNode) (parent.isEmpty() ? changed : at(changed, parent));
            container.putRawValue(field.substring(field.lastIndexOf('.') + 1), new RawValue(number));
            // Out of range is refused; a number a field allows (0, -0, 1.000…1 rounded) may be accepted.
            inputs.accept(either("huge number", field + " = " + number, write(changed)));
        }
        long drawn = random.nextLong();
        inputs.accept(either(
                "huge number",
                field + " = " + drawn + " (drawn)",
                write(replaced(valid, field, NODES.numberNode(drawn)))));
    }

    private void text(ObjectNode valid, String field, boolean optional, Consumer<Input> inputs) {
        for (String exotic : EXOTIC_TEXT) {
            inputs.accept(either(
                    "exotic text",
                    field + " = " + visible(exotic),
                    write(replaced(valid, field, NODES.textNode(exotic)))));
        }
        for (int i = 0; i < 4; i++) {
            String drawn = exoticString();
            inputs.accept(either(
                    "exotic text",
                    field + " = " + visible(drawn) + " (drawn)",
                    write(replaced(valid, field, NODES.textNode(drawn)))));
        }
        for (String bad : UNREPRESENTABLE_TEXT) {
            inputs.accept(refused(
                    "control characters",
                    field + " = " + visible(bad),
                    write(replaced(valid, field, NODES.textNode(bad)))));
        }
        for (int i = 0; i < 4; i++) {
            // strings of any characters, with a control character always among them
            String drawn = anyString() + (char) between(0, 8) + anyString();
            inputs.accept(refused(
                    "control characters",
                    field + " = " + visible(drawn) + " (drawn)",
                    write(replaced(valid, field, NODES.textNode(drawn)))));
        }
        String blank = write(replaced(valid, field, NODES.textNode(" \t ")));
        inputs.accept(
                optional
                        ? either("blank text", field + " blank", blank)
                        : refused("blank text", field + " blank", blank));
    }

    /** {@code periodFields} is start and end (in that order); the period's length is kept unless said otherwise. */
    private void periods(ObjectNode valid, Set<String> periodFields, boolean farFutureIsValid, Consumer<Input> inputs) {
        List<String> names = new ArrayList<>(periodFields);
        String start = names.get(0);
        String end = names.get(1);
        String validStart = valid.get(start).asText();
        String validEnd = valid.get(end).asText();
        Map<String, String[]> periods = new java.util.LinkedHashMap<>();
        periods.put("reversed", new String[] {validEnd, validStart});
        periods.put("zero-length", new String[] {validStart, validStart});
        periods.put("in year 0", new String[] {"0000-01-03T10:00:00Z", "0000-01-03T12:00:00Z"});
        periods.put("in year 9999", new String[] {"9999-12-30T10:00:00Z", "9999-12-30T12:00:00Z"});
        periods.put("from year 0 to 9999", new String[] {"0000-01-03T10:00:00Z", "9999-12-30T12:00:00Z"});
        periods.put("beyond year 9999", new String[] {"+10000-01-03T10:00:00Z", "+10000-01-03T12:00:00Z"});
        periods.put("at the start of time", new String[] {"-999999999-01-01T00:00:00Z", validEnd});
        periods.put(
                "without an offset (a local time the clocks skip)",
                new String[] {"2027-03-28T02:30:00", "2027-03-28T04:00:00"});
        periods.put("in a time zone's gap", new String[] {
            "2027-03-28T02:30:00+01:00[Europe/Amsterdam]", "2027-03-28T04:00:00+02:00[Europe/Amsterdam]"
        });
        periods.put("at 24:00", new String[] {"2027-03-29T24:00:00+02:00", "2027-03-30T02:00:00+02:00"});
        periods.put("on 30 February", new String[] {"2027-02-30T10:00:00+01:00", "2027-02-30T12:00:00+01:00"});
        periods.put("at a second of 60", new String[] {"2027-06-30T23:59:60Z", "2027-07-01T02:00:00Z"});
        periods.put(
                "with an offset of +25:00", new String[] {"2027-06-30T10:00:00+25:00", "2027-06-30T12:00:00+25:00"});
        periods.put("as epoch numbers", null);
        for (Map.Entry<String, String[]> period : periods.entrySet()) {
            ObjectNode changed = valid.deepCopy();
            if (period.getValue() == null) {
                changed.put(start, 1_800_000_000L);
                changed.put(end, 1_800_007_200L);
            } else {
                changed.put(start, period.getValue()[0]);
                changed.put(end, period.getValue()[1]);
            }
            boolean endsInTheFuture = List.of(
                            "in year 9999", "from year 0 to 9999", "beyond year 9999", "at the start of time")
                    .contains(period.getKey());
            inputs.accept(
                    farFutureIsValid && endsInTheFuture
                            ? either("period", period.getKey(), write(changed))
                            : refused("period", period.getKey(), write(changed)));
        }
    }

    private static List<Integer> structuralPositions(String json) {
        List<Integer> positions = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\')) {
                positions.add(i);
                inString = !inString;
            } else if (!inString && "{}[]:,".indexOf(c) >= 0) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static void collectFields(JsonNode node, String prefix, List<String> fields) {
        Iterator<Map.Entry<String, JsonNode>> children = node.fields();
        while (children.hasNext()) {
            Map.Entry<String, JsonNode> child = children.next();
            String path = prefix + child.getKey();
            fields.add(path);
            if (child.getValue().isObject()) {
                collectFields(child.getValue(), path + ".", fields);
            }
        }
    }

    private static JsonNode at(JsonNode root, String field) {
        return root.at("/" + field.replace('.', '/'));
    }

    private static ObjectNode replaced(ObjectNode valid, String field, JsonNode value) {
        ObjectNode changed = valid.deepCopy();
        String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
        ObjectNode container = (ObjectNode) (parent.isEmpty() ? changed : at(changed, parent));
        container.set(field.substring(field.lastIndexOf('.') + 1), value);
        return changed;
    }

    private static Input refused(String kind, String description, String body) {
        return new Input(kind, description, body, Expect.REFUSED);
    }

    private static Input either(String kind, String description, String body) {
        return new Input(kind, description, body, Expect.ACCEPTED_OR_REFUSED);
    }

    /**
     * The node as JSON text. A half of a surrogate pair cannot be encoded in UTF-8 (the client would send "?"), so
     * text holding one is written with every non-ASCII character escaped, which sends it as {@code \\uD83D}.
     */
    public static String write(JsonNode node) {
        try {
            String json = Api.JSON.writeValueAsString(node);
            return hasLoneSurrogate(json) ? ESCAPING.writeValueAsString(node) : json;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter ESCAPING =
            Api.JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A short, printable rendering of text for a test's report: controls and surrogates as \\uXXXX. */
    public static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        String shortened = text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
        for (char c : shortened.toCharArray()) {
            shown.append(
                    Character.isISOControl(c) || Character.isSurrogate(c)
                            ? String.format("\\u%04X", (int) c)
                            : String.valueOf(c));
        }
        return shown.toString();
    }

    /** A path segment with everything but unreserved characters percent-encoded as UTF-8. */
    public static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
