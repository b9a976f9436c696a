import { Layout } from './layout';

/** A page that explains, in Latvian, why the visitor sees no content, and offers the way back. */
export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p role="alert" class="notice notice-error">
        {message}
      </p>
      <p>
        <a href="/">Atgriezties katalogā</a>
      </p>
    </Layout>
  );
}
