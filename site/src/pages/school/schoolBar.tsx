/** The signed-in school's bar on its pages: who is signed in, its bookings, and signing out (a POST, with the session's CSRF token). */
export function SchoolBar({ schoolName, csrfToken }: { schoolName: string; csrfToken: string }) {
  return (
    <nav class="school-bar" aria-label="Skolas sadaļa">
      <p>
        Pieteicies: <strong>{schoolName}</strong>
      </p>
      <a href="/">Katalogs</a>
      <a href="/skola/pieteikumi">Mani pieteikumi</a>
      <form method="post" action="/skola/iziet">
        <input type="hidden" name="csrf" value={csrfToken} />
        <button type="submit">Iziet</button>
      </form>
    </nav>
  );
}
