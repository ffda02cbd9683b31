namespace LvaeLive.Model.Training;

/// <summary>
/// What one training step measured, averaged over its batch: the ELBO at beta = 1 (nats, higher is better), its
/// reconstruction term, each layer's KL (index 0 = z_1), the beta used, and whether the step was skipped for a
/// non-finite loss.
/// </summary>
public sealed record StepResult(int Epoch, int StepInEpoch, long GlobalStep, double Elbo, double Reconstruction, double[] Kl, double Beta, int Samples, bool Skipped);
