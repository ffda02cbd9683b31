"""safetensors, written from its specification (an 8-byte little-endian header length, a JSON header giving each
tensor's dtype, shape and byte range, then the raw little-endian data): Debian 12 packages no safetensors library.
Reading checks the file against the tensors a model expects before any tensor data is read, as LvaeLive's
SafetensorsFile.Check does, so that both sides refuse the same files with the same kind of one-line message."""
import json
import os
import struct

import torch

DTYPES = {torch.float32: "F32", torch.int64: "I64"}
TORCH_DTYPES = {name: dtype for dtype, name in DTYPES.items()}
LENGTH_BYTES = 8
# A header entry is under a hundred bytes beside its name; this bounds what a crafted length makes us read.
HEADER_BYTES_PER_TENSOR = 256


class BadFile(ValueError):
    """A file that does not fit the model: the message is one line naming the tensor and both shapes."""


def write(path, state):
    """Writes a state dict (name -> tensor, in its order) to path, atomically: a temporary beside it, then a rename."""
    header, offset, blobs = {}, 0, []
    for name, tensor in state.items():
        data = tensor.detach().cpu().contiguous()
        if data.dtype not in DTYPES:
            raise ValueError(f"{name}: the models hold only float32 and int64 tensors, not {data.dtype}")
        blob = data.numpy().astype(data.numpy().dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": DTYPES[data.dtype], "shape": list(data.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the specification allows trailing spaces; 8-byte alignment of the data
    temporary = f"{os.path.join(os.path.dirname(path), '.' + os.path.basename(path))}.{os.getpid()}.partial"
    with open(temporary, "wb") as file:
        file.write(struct.pack("<Q", len(text)))
        file.write(text)
        for blob in blobs:
            file.write(blob)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def _show(shape):
    return "[" + ", ".join(str(d) for d in shape) + "]"


def read(path, expected, source="checkpoint.json"):
    """The tensors of path, after checking them against expected (name -> tensor of the wanted dtype and shape): a
    header that lacks a tensor, has one more, gives one another dtype or shape, or places one anywhere but back to back
    over the data that follows it, or a file whose size is not what those tensors take, is refused before any data is
    read (the header's length is bounded by the tensor count)."""
    wanted = {name: (DTYPES[t.dtype], list(t.shape), t.numel() * t.element_size()) for name, t in expected.items()}
    data_bytes = sum(size for _, _, size in wanted.values())
    length = os.path.getsize(path)
    fail = lambda why: BadFile(f"{path} does not fit the model: {why}")
    if length < LENGTH_BYTES:
        raise fail(f"it is {length} bytes long, shorter than a safetensors header's length field")
    with open(path, "rb") as file:
        (header_length,) = struct.unpack("<Q", file.read(LENGTH_BYTES))
        max_header = len(wanted) * HEADER_BYTES_PER_TENSOR + sum(len(name) for name in wanted)
        if header_length > max_header or header_length > length - LENGTH_BYTES:
            raise fail(f"its header claims {header_length} bytes; a header for this model's {len(wanted)} tensors takes at most "
                       f"{max_header}, and {length - LENGTH_BYTES} bytes follow")
        try:
            header = json.loads(file.read(header_length))
        except ValueError as e:
            raise fail(f"its header is not valid JSON ({e})") from e
        if not isinstance(header, dict):
            raise fail("its header is not a JSON object")
        header.pop("__metadata__", None)
        placed = []
        for name, entry in header.items():
            if name not in wanted:
                shape = entry.get("shape") if isinstance(entry, dict) else entry
                raise fail(f"it has {name} {shape}, which the model of {source} lacks")
            try:
                dtype, shape, (start, end) = entry["dtype"], [int(d) for d in entry["shape"]], entry["data_offsets"]
                start, end = int(start), int(end)
            except (KeyError, TypeError, ValueError) as e:
                raise fail(f"{name}'s header entry {json.dumps(entry)} needs dtype, shape and two data_offsets") from e
            want_dtype, want_shape, want_bytes = wanted[name]
            if dtype != want_dtype or shape != want_shape:
                raise fail(f"{name} is {dtype} {_show(shape)} there but {want_dtype} {_show(want_shape)} in the model of {source}")
            if start < 0 or end - start != want_bytes:
                raise fail(f"{name} {dtype} {_show(shape)} takes {want_bytes} bytes but its header gives it bytes {start} to {end}")
            placed.append((start, end, name))
        for name in wanted:
            if name not in header:
                raise fail(f"it lacks {name} {wanted[name][0]} {_show(wanted[name][1])}, which the model of {source} has")
        following = 0
        for start, end, name in sorted(placed):
            if start != following:
                raise fail(f"{name} starts at byte {start} of the data, where byte {following} was due "
                           "(the header's offsets overlap or leave a gap)")
            following = end
        # Last, so that a header of another shape is named tensor by tensor; no data has been read yet.
        implied = LENGTH_BYTES + header_length + data_bytes
        if length != implied:
            raise fail(f"it is {length} bytes, but the model of {source} implies {implied} ({data_bytes} of tensor data after "
                       f"its {header_length}-byte header)")
        data = file.read()
    tensors = {}
    for start, end, name in placed:
        dtype, shape, _ = wanted[name]
        flat = torch.frombuffer(bytearray(data[start:end]), dtype=TORCH_DTYPES[dtype]) if end > start else torch.empty(0, dtype=TORCH_DTYPES[dtype])
        tensors[name] = flat.reshape(shape)
    return tensors
