/**
 * Said where an autoencoder's reconstructions and codes would be: a GAN has neither, so instead of
 * empty panels the person reads why, and finds its own views below.
 */
export function GanNote() {
  return (
    <p className="panel game-note" data-testid="gan-note">
      A GAN reconstructs nothing: its generator makes new samples from noise and its discriminator
      judges them, so there are no reconstructions or codes of digits to show. Below are what it
      makes from the same noise after each epoch, and how the two players stand.
    </p>
  );
}
