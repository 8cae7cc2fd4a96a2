from django.db import models


class Hit(models.Model):
    """One row per baseline request: (client, sequence) is unique, so a duplicate would fail."""

    client = models.PositiveIntegerField()
    seq = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "seq"], name="one_hit_per_seq")]

    def __str__(self) -> str:
        return f"hit {self.client}/{self.seq}"
