import type { Rng } from "./prng";

// A mix of names from many languages and regions, as an international cohort would have.
// prettier-ignore
const FIRST_NAMES = [
  "Amara", "Mateo", "Priya", "Lukas", "Yuki", "Chiamaka", "Sofía", "Oluwaseun", "Mei", "Tomasz",
  "Fatima", "Jonas", "Aisha", "Diego", "Ingrid", "Kwame", "Leila", "Ravi", "Hannah", "Thabo",
  "Anika", "Mohammed", "Camille", "Hiroshi", "Zainab", "Pedro", "Elif", "Nikolai", "Grace", "Arjun",
  "Noor", "Emeka", "Lucía", "Sven", "Mariam", "Kai", "Ana", "Dmitri", "Wanjiru", "Liam",
  "Saoirse", "Tariq", "Ines", "Minh", "Olga", "Rafael", "Ayesha", "Bongani", "Freya", "Jun",
] as const;

// prettier-ignore
const LAST_NAMES = [
  "Okafor", "García", "Sharma", "Müller", "Tanaka", "Nwosu", "Rossi", "Adeyemi", "Chen", "Kowalski",
  "Haddad", "Lindqvist", "Rahman", "Fernández", "Johansson", "Mensah", "Karimi", "Patel", "O'Brien", "Dlamini",
  "Novak", "Al-Sayed", "Dubois", "Yamamoto", "Bello", "Silva", "Yılmaz", "Petrov", "Kim", "Iyer",
  "Nguyen", "Eze", "Moreau", "Andersen", "Hussain", "Kaur", "Costa", "Ivanova", "Kamau", "Murphy",
  "Schmidt", "Abubakar", "Santos", "Tran", "Horvat", "Mendoza", "Malik", "Zulu", "Berg", "Park",
] as const;

export const SYNTHETIC_EMAIL_DOMAIN = "learners.shipshape.test";

/** Email-safe ASCII for a name part: "Sofía" → "sofia", "O'Brien" → "obrien". */
function emailPart(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = rng.int(0, index);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** Draws without replacement, reshuffling once every item has been used: no name repeats before all have been seen. */
function deck<T>(items: readonly T[], rng: Rng): () => T {
  let cards: T[] = [];
  return () => {
    if (cards.length === 0) cards = shuffled(items, rng);
    return cards.pop()!;
  };
}

/**
 * `count` names with matching emails. First and last names are each drawn
 * without repeats until the lists run out, so a cohort of 30 has 30 different
 * first names; a large one (the bench) repeats names as real ones do, and a
 * repeated email gets a number.
 */
export function learnerIdentities(rng: Rng, count: number): Array<{ name: string; email: string }> {
  const nextFirst = deck(FIRST_NAMES, rng);
  const nextLast = deck(LAST_NAMES, rng);
  const seenEmails = new Map<string, number>();
  return Array.from({ length: count }, () => {
    const first = nextFirst();
    const last = nextLast();
    const local = `${emailPart(first)}.${emailPart(last)}`;
    const repeats = seenEmails.get(local) ?? 0;
    seenEmails.set(local, repeats + 1);
    return {
      name: `${first} ${last}`,
      email: `${local}${repeats ? repeats + 1 : ""}@${SYNTHETIC_EMAIL_DOMAIN}`,
    };
  });
}
