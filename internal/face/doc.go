// Package face finds faces in a photo and describes them, in pure Go: a port of the pretrained
// networks of the npm package @vladmandic/face-api 1.7.15 (itself a maintained fork of Vincent
// Mühler's face-api.js).
//
// It owns the forward passes over the published tfjs weight files and the glue face-api puts
// between them:
//
//   - a detector finds faces and scores them: the tiny face detector (416² Tiny YOLO v2 with
//     separable convolutions, the default: it alone keeps a selfie under 0.5 s of one core) or
//     SSD MobileNet v1 (512², face-api's default, more accurate on turned and small faces, about
//     1 s) — see bench/face.md;
//   - FaceLandmark68Net (112×112 crop of each detection) places dlib's 68 landmarks;
//   - FaceRecognitionNet (150×150 crop, aligned on the eyes and mouth exactly as face-api's
//     useDlibAlignment does) computes the 128-dimension descriptor of dlib's ResNet-34-like
//     metric network, compared by Euclidean [Distance].
//
// Each network is a plain struct of weight tensors loaded from the manifests and .bin shards
// (uint8-quantized with scale and min, or float32) by [Load]; the heavy operations are
// im2col + float32 GEMM of gonum's BLAS. The port is proven by a reference test: face-api itself,
// run in Node by scripts/face-reference, wrote testdata/reference.json for its six demo photos
// with both detectors, and the Go inference must find the same faces (IoU ≥ 0.9) with
// descriptors within Euclidean distance 0.02 (it agrees to ~1e-6).
//
// The weights are not committed: `pnpm -r build` copies them from node_modules into models/,
// and go:embed builds them into the binary ([LoadEmbedded]).
//
// Licences of the weights (details in testdata/README.md): the files ship in the MIT-licensed
// npm package (© Vladimir Mandic, and face-api.js © Vincent Mühler). The recognition net is
// Davis King's dlib_face_recognition_resnet_model_v1, which he released into the public domain.
// The SSD MobileNet v1 face detector is yeephycho/tensorflow-face-detection's model (Apache 2.0,
// trained on WIDER FACE, whose own terms its README points to). The 68-point landmark net was
// trained by face-api.js's author on ~35k labelled faces, the tiny face detector on ~14k images;
// both published under MIT.
//
// Imports: the standard library, golang.org/x/image and gonum only — nothing of this module,
// so the server, jobs and tools can all use it.
package face
